import type { HealthRules } from '../health-rules';
import { evaluateTrafficHealth } from '../health';
import type { MeshEdge } from '../types';
import type { EdgeTotals } from './aggregate';
import { histogramQuantile } from './histogram-quantile';

function quantileMs(q: number, buckets: ReadonlyMap<number, number>): number | undefined {
  if (buckets.size === 0) return undefined;
  const value = histogramQuantile(
    q,
    Array.from(buckets, ([upperBound, count]) => ({ upperBound, count })),
  );
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Turns summed rates into the API's shares. Edge health uses the destination's rules: the errors on
 * an edge are, by and large, the callee's.
 */
export function finishEdge(t: EdgeTotals, rules: HealthRules): MeshEdge {
  // One object shape per protocol family, optional fields left undefined (JSON drops them): spreads of
  // conditional objects cost more than the rest of the graph at 10k edges.
  if (t.protocol === 'tcp') {
    const bytes = t.sentBytes + t.receivedBytes;
    return {
      id: t.id,
      source: t.source.id,
      target: t.target.id,
      protocol: t.protocol,
      bytesPerSecond: bytes,
      sentBytesPerSecond: t.sentBytes,
      receivedBytesPerSecond: t.receivedBytes,
      errorRate: 0,
      mtls: bytes > 0 ? t.mtls / bytes : 0,
      health: bytes > 0 ? 'healthy' : 'idle',
    };
  }
  const hasRequests = t.requests > 0;
  return {
    id: t.id,
    source: t.source.id,
    target: t.target.id,
    protocol: t.protocol,
    rps: t.requests,
    errorRate: hasRequests ? t.serverErrors / t.requests : 0,
    clientErrorRate: hasRequests ? t.clientErrors / t.requests : 0,
    responseCodes: t.codes,
    p50Ms: quantileMs(0.5, t.buckets),
    p95Ms: quantileMs(0.95, t.buckets),
    p99Ms: quantileMs(0.99, t.buckets),
    mtls: hasRequests ? t.mtls / t.requests : 0,
    health: evaluateTrafficHealth(
      { total: t.requests, serverErrors: t.serverErrors, clientErrors: t.clientErrors },
      rules,
    ),
  };
}
