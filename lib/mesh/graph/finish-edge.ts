import type { HealthRules } from '../health/rules';
import { evaluateTrafficHealth } from '../health/health';
import type { L4Traffic, MeshEdge } from '../types';
import type { EdgeTotals, L4Totals } from './aggregate';
import { histogramQuantiles } from './histogram-quantile';

const finite = (value: number | undefined): number | undefined =>
  value !== undefined && Number.isFinite(value) ? value : undefined;

const NO_LATENCY: readonly (number | undefined)[] = [undefined, undefined, undefined];

/** p50, p95 and p99 from one sort of the buckets; undefined where the buckets hold no observations. */
export function percentilesMs(
  buckets: ReadonlyMap<number, number>,
): readonly (number | undefined)[] {
  if (buckets.size === 0) return NO_LATENCY;
  return histogramQuantiles(
    [0.5, 0.95, 0.99],
    Array.from(buckets, ([upperBound, count]) => ({ upperBound, count })),
  ).map(finite);
}

function l4Traffic(l4: L4Totals): L4Traffic {
  const bytes = l4.sentBytes + l4.receivedBytes;
  return {
    bytesPerSecond: bytes,
    sentBytesPerSecond: l4.sentBytes,
    receivedBytesPerSecond: l4.receivedBytes,
    connectionsPerSecond: l4.connections,
    mtls: bytes > 0 ? l4.mtls / bytes : 0,
  };
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
      connectionsPerSecond: t.connections > 0 ? t.connections : undefined,
      reportedBy: t.reportedBy,
      waypoint: t.waypoint,
    };
  }
  const hasRequests = t.requests > 0;
  const [p50Ms, p95Ms, p99Ms] = percentilesMs(t.buckets);
  const l4 = t.l4 !== undefined ? l4Traffic(t.l4) : undefined;
  // In ambient mode mTLS is ztunnel's business (HBONE): its L4 says what was encrypted.
  const mtls =
    l4 !== undefined && l4.bytesPerSecond > 0 ? l4.mtls : hasRequests ? t.mtls / t.requests : 0;
  return {
    id: t.id,
    source: t.source.id,
    target: t.target.id,
    protocol: t.protocol,
    rps: t.requests,
    errorRate: hasRequests ? t.serverErrors / t.requests : 0,
    clientErrorRate: hasRequests ? t.clientErrors / t.requests : 0,
    responseCodes: t.codes,
    p50Ms,
    p95Ms,
    p99Ms,
    mtls,
    health: evaluateTrafficHealth(
      { total: t.requests, serverErrors: t.serverErrors, clientErrors: t.clientErrors },
      rules,
    ),
    reportedBy: t.reportedBy,
    waypoint: t.waypoint,
    l4,
  };
}
