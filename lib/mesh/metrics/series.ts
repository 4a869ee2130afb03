/**
 * Side-panel series, shaped with the graph's own machinery at every step (raw edges, reporter choice,
 * graph-type endpoints, histogram quantiles), so a chart's last point and the graph's edge are the
 * same computation and never disagree on which reporter or which requests count.
 */
import { aggregateEdges, edgeId, type EdgeTotals } from '../graph/aggregate';
import { ExternalHosts, servedServices, type Endpoint } from '../graph/endpoints';
import { histogramQuantile } from '../graph/histogram-quantile';
import { withoutCluster } from '../graph/node-ids';
import { collectRawEdges, type ReporterInputs } from '../graph/pick-reporter';
import type { GraphType, Protocol, Sample, Series } from '../types';

/** What a chart shows: one graph edge, or everything arriving at one node over some protocols. */
export type SeriesSelection =
  | {
      readonly kind: 'edge';
      readonly source: string;
      readonly target: string;
      readonly protocol: Protocol;
    }
  | { readonly kind: 'node'; readonly node: string; readonly protocols: readonly Protocol[] };

export interface SeriesContext {
  readonly type: GraphType;
  readonly externalHosts: readonly string[];
  readonly selection: SeriesSelection;
  /** Epoch ms of every point, oldest first; steps without samples become idle points. */
  readonly timestamps: readonly number[];
}

/** One step of an http/grpc chart; rates in requests per second. */
export interface RequestPoint {
  readonly t: number;
  readonly rps2xx: number;
  readonly rps3xx: number;
  readonly rps4xx: number;
  readonly rps5xx: number;
  /** No response (code 0), gRPC errors and anything else. */
  readonly rpsOther: number;
  /** 5xx, no response and gRPC errors over all requests, 0..1; null without traffic. */
  readonly errorRate: number | null;
  /** Null when the step has no duration data. */
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
}

export interface TcpPoint {
  readonly t: number;
  readonly sentBytesPerSecond: number;
  readonly receivedBytesPerSecond: number;
}

const NO_SAMPLES: readonly Sample[] = [];

/** Every series' points regrouped as one instant vector per timestamp. */
export function samplesByTime(series: readonly Series[]): Map<number, Sample[]> {
  const out = new Map<number, Sample[]>();
  for (const s of series) {
    for (const p of s.points) {
      let list = out.get(p.t);
      if (list === undefined) out.set(p.t, (list = []));
      list.push({ labels: s.labels, value: p.v });
    }
  }
  return out;
}

/** The selected edges at each step, aggregated exactly as buildGraph aggregates them. */
function selectedTotals(ctx: SeriesContext, inputs: ReporterInputs): EdgeTotals[] {
  const external = new ExternalHosts(ctx.externalHosts);
  const raw = collectRawEdges(inputs);
  const sel = ctx.selection;
  // The graph drew per-cluster nodes; the chart's own answer may hold one cluster only.
  const ids = sel.kind === 'edge' ? [sel.source, sel.target] : [sel.node];
  const multiCluster = ids.some((id) => withoutCluster(id) !== id);
  const servedBy: ReadonlyMap<string, ReadonlyMap<string, Endpoint>> = ctx.type === 'service'
    ? servedServices(raw, external, multiCluster)
    : new Map();
  const totals = aggregateEdges(raw, { type: ctx.type, external, servedBy, multiCluster });
  if (sel.kind === 'edge') {
    const one = totals.get(edgeId(sel.source, sel.target, sel.protocol));
    return one === undefined ? [] : [one];
  }
  return [...totals.values()].filter(
    (t) => t.target.id === sel.node && sel.protocols.includes(t.protocol),
  );
}

function quantileOrNull(q: number, buckets: ReadonlyMap<number, number>): number | null {
  if (buckets.size === 0) return null;
  const v = histogramQuantile(
    q,
    Array.from(buckets, ([upperBound, count]) => ({ upperBound, count })),
  );
  return Number.isFinite(v) ? v : null;
}

/** Request rate by response class, error rate and latency percentiles per step. */
export function requestPoints(
  ctx: SeriesContext,
  requests: readonly Series[],
  durations: readonly Series[],
): RequestPoint[] {
  const req = samplesByTime(requests);
  const dur = samplesByTime(durations);
  return ctx.timestamps.map((t) => {
    const totals = selectedTotals(ctx, {
      requests: req.get(t) ?? NO_SAMPLES,
      durations: dur.get(t) ?? NO_SAMPLES,
      tcpSent: NO_SAMPLES,
      tcpReceived: NO_SAMPLES,
    });
    const codes = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 };
    const buckets = new Map<number, number>();
    let total = 0;
    let serverErrors = 0;
    for (const e of totals) {
      total += e.requests;
      serverErrors += e.serverErrors;
      codes['2xx'] += e.codes['2xx'];
      codes['3xx'] += e.codes['3xx'];
      codes['4xx'] += e.codes['4xx'];
      codes['5xx'] += e.codes['5xx'];
      codes.other += e.codes.other;
      for (const [le, rate] of e.buckets) buckets.set(le, (buckets.get(le) ?? 0) + rate);
    }
    return {
      t,
      rps2xx: codes['2xx'],
      rps3xx: codes['3xx'],
      rps4xx: codes['4xx'],
      rps5xx: codes['5xx'],
      rpsOther: codes.other,
      errorRate: total > 0 ? serverErrors / total : null,
      p50Ms: quantileOrNull(0.5, buckets),
      p95Ms: quantileOrNull(0.95, buckets),
      p99Ms: quantileOrNull(0.99, buckets),
    };
  });
}

/** Bytes per second each way per step, as the graph's TCP edges count them. */
export function tcpPoints(
  ctx: SeriesContext,
  sent: readonly Series[],
  received: readonly Series[],
): TcpPoint[] {
  const s = samplesByTime(sent);
  const r = samplesByTime(received);
  return ctx.timestamps.map((t) => {
    const totals = selectedTotals(ctx, {
      requests: NO_SAMPLES,
      durations: NO_SAMPLES,
      tcpSent: s.get(t) ?? NO_SAMPLES,
      tcpReceived: r.get(t) ?? NO_SAMPLES,
    });
    let sentBytesPerSecond = 0;
    let receivedBytesPerSecond = 0;
    for (const e of totals) {
      sentBytesPerSecond += e.sentBytes;
      receivedBytesPerSecond += e.receivedBytes;
    }
    return { t, sentBytesPerSecond, receivedBytesPerSecond };
  });
}
