import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getTrace } from '@/lib/server/get-trace';
import { timedJson } from '@/lib/server/server-timing';
import { parseTraceId } from '../schema';

export const dynamic = 'force-dynamic';

/** GET /api/traces/{traceId} → TraceResponse: the trace, its critical path and a Jaeger UI link. */
export async function GET(
  request: Request,
  ctx: { params: Promise<{ traceId: string }> },
): Promise<Response> {
  const started = performance.now();
  try {
    const id = parseTraceId((await ctx.params).traceId);
    const t = performance.now();
    const body = await getTrace(id, await requestIdentity(request));
    return timedJson(body, [{ name: 'jaeger', durMs: performance.now() - t }], started);
  } catch (err) {
    return toProblemResponse(err);
  }
}
