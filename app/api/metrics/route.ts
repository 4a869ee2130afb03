import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getMetrics } from '@/lib/server/get-metrics';
import { timedJson } from '@/lib/server/server-timing';
import { parseMetricsParams } from './schema';

export const dynamic = 'force-dynamic';

/**
 * GET /api/metrics?source=<id>&target=<id>&protocol=http&window=5m (an edge) or ?node=<id>&window=5m
 * (a node's inbound traffic) → `{window, stepSeconds, protocol, points}` for the side panel's charts.
 */
export async function GET(request: Request): Promise<Response> {
  const started = performance.now();
  try {
    const { metrics, timings, queries } = await getMetrics(
      parseMetricsParams(new URL(request.url).searchParams),
      await requestIdentity(request),
    );
    return timedJson(metrics, timings, started, { 'meshlens-prometheus-queries': String(queries) });
  } catch (err) {
    return toProblemResponse(err);
  }
}
