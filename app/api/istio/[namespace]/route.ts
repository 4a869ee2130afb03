import { toProblemResponse } from '@/lib/errors';
import { requestIdentity } from '@/lib/auth/request-identity';
import { createIstioObject } from '@/lib/server/istio-config/write-istio-object';
import { assertWritable } from '@/lib/server/write-guard';
import { parseCreateBody, parseDryRun, parseNamespaceParam } from '../schema';

export const dynamic = 'force-dynamic';

interface Context {
  readonly params: Promise<{ namespace: string }>;
}

/** POST /api/istio/{namespace}[?dryRun=true] {yaml, applyAnyway?} → 201 with the created object. */
export async function POST(req: Request, ctx: Context): Promise<Response> {
  try {
    assertWritable(req);
    const identity = await requestIdentity(req);
    const namespace = parseNamespaceParam(await ctx.params);
    const dryRun = parseDryRun(new URL(req.url).searchParams);
    const body = await parseCreateBody(req);
    const created = await createIstioObject({ namespace, ...body, dryRun, identity });
    return Response.json(created, { status: dryRun ? 200 : 201 });
  } catch (err) {
    return toProblemResponse(err);
  }
}
