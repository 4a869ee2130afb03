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
  const base = { id: t.id, source: t.source.id, target: t.target.id, protocol: t.protocol };
  if (t.protocol === 'tcp') {
    const bytes = t.sentBytes + t.receivedBytes;
    return {
      ...base,
      bytesPerSecond: bytes,
      sentBytesPerSecond: t.sentBytes,
      receivedBytesPerSecond: t.receivedBytes,
      errorRate: 0,
      mtls: bytes > 0 ? t.mtls / bytes : 0,
      health: bytes > 0 ? 'healthy' : 'idle',
    };
  }
  const counts = { total: t.requests, serverErrors: t.serverErrors, clientErrors: t.clientErrors };
  const p50Ms = quantileMs(0.5, t.buckets);
  const p95Ms = quantileMs(0.95, t.buckets);
  const p99Ms = quantileMs(0.99, t.buckets);
  return {
    ...base,
    rps: t.requests,
    errorRate: t.requests > 0 ? t.serverErrors / t.requests : 0,
    clientErrorRate: t.requests > 0 ? t.clientErrors / t.requests : 0,
    responseCodes: { ...t.codes },
    ...(p50Ms !== undefined ? { p50Ms } : {}),
    ...(p95Ms !== undefined ? { p95Ms } : {}),
    ...(p99Ms !== undefined ? { p99Ms } : {}),
    mtls: t.requests > 0 ? t.mtls / t.requests : 0,
    health: evaluateTrafficHealth(counts, rules),
  };
}
