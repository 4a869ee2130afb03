import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getBreakdown } from '@/lib/server/get-breakdown';
import { getMetrics } from '@/lib/server/get-metrics';
import { timedJson } from '@/lib/server/server-timing';
import { isBreakdown, parseBreakdownParams, parseMetricsParams } from './schema';

export const dynamic = 'force-dynamic';

/**
 * GET /api/metrics?source=<id>&target=<id>&protocol=http&window=5m (an edge) or ?node=<id>&window=5m
 * (a node's inbound traffic) → `{window, stepSeconds, protocol, points}` for the side panel's charts;
 * with `by` (and `direction`, `reporter`): the node's golden metrics split into groups.
 */
export async function GET(request: Request): Promise<Response> {
  const started = performance.now();
  try {
    const search = new URL(request.url).searchParams;
    if (isBreakdown(search)) {
      const { body, queries } = await getBreakdown(
        parseBreakdownParams(search),
        await requestIdentity(request),
      );
      return Response.json(body, { headers: { 'meshlens-prometheus-queries': String(queries) } });
    }
    const { metrics, timings, queries } = await getMetrics(
      parseMetricsParams(search),
      await requestIdentity(request),
    );
    return timedJson(metrics, timings, started, { 'meshlens-prometheus-queries': String(queries) });
  } catch (err) {
    return toProblemResponse(err);
  }
}
