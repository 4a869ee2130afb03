import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getServiceRouting } from '@/lib/server/istio-config/get-service-routing';
import { parseRoutingParams } from './schema';

export const dynamic = 'force-dynamic';

interface Context {
  readonly params: Promise<{ namespace: string; service: string }>;
}

/** GET /api/routing/{namespace}/{service} → {subsets, virtualService, destinationRule}: what the routing forms start from. */
export async function GET(req: Request, ctx: Context): Promise<Response> {
  try {
    const { namespace, service } = parseRoutingParams(await ctx.params);
    return Response.json(await getServiceRouting(namespace, service, await requestIdentity(req)));
  } catch (err) {
    return toProblemResponse(err);
  }
}
