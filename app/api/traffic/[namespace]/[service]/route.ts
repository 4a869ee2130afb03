import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getTraffic } from '@/lib/server/get-traffic';
import { updateTrafficWeights } from '@/lib/server/update-traffic-weights';
import { assertWritable } from '@/lib/server/write-guard';
import { parseTrafficParams, parseTrafficQuery, parseUpdateWeightsBody } from './schema';

export const dynamic = 'force-dynamic';

interface Context {
  readonly params: Promise<{ namespace: string; service: string }>;
}

/** GET /api/traffic/{namespace}/{service}?window=1m[&end=…] → the configured and observed split. */
export async function GET(req: Request, ctx: Context): Promise<Response> {
  try {
    const { namespace, service } = parseTrafficParams(await ctx.params);
    const { window, end } = parseTrafficQuery(new URL(req.url).searchParams);
    return Response.json(
      await getTraffic(
        { namespace, service, window, ...(end !== undefined && { end }) },
        await requestIdentity(req),
      ),
    );
  } catch (err) {
    return toProblemResponse(err);
  }
}

/** PUT /api/traffic/{namespace}/{service}[?dryRun=true] {route?, weights, resourceVersion}. */
export async function PUT(req: Request, ctx: Context): Promise<Response> {
  try {
    assertWritable(req);
    const identity = await requestIdentity(req);
    const { namespace, service } = parseTrafficParams(await ctx.params);
    const { dryRun } = parseTrafficQuery(new URL(req.url).searchParams);
    const body = await parseUpdateWeightsBody(req);
    return Response.json(
      await updateTrafficWeights({ namespace, service, ...body, dryRun, identity }),
    );
  } catch (err) {
    return toProblemResponse(err);
  }
}
