import { z } from 'zod';
import { InvalidError, toProblemResponse } from '@/lib/errors';
import { isNamespaceName } from '@/lib/mesh/namespace-name';
import { getServiceRouting } from '@/lib/server/istio-config/get-service-routing';

export const dynamic = 'force-dynamic';

const label = z.string().refine(isNamespaceName, { error: "not a DNS-1123 label (a-z, 0-9, '-')" });
const Params = z.object({ namespace: label, service: label });

interface Context {
  readonly params: Promise<{ namespace: string; service: string }>;
}

/** GET /api/routing/{namespace}/{service} → {subsets, virtualService, destinationRule}: what the routing forms start from. */
export async function GET(_req: Request, ctx: Context): Promise<Response> {
  try {
    const parsed = Params.safeParse(await ctx.params);
    if (!parsed.success) throw InvalidError.fromZod(parsed.error, { malformedQuery: true });
    return Response.json(await getServiceRouting(parsed.data.namespace, parsed.data.service));
  } catch (err) {
    return toProblemResponse(err);
  }
}
