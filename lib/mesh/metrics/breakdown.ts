/**
 * Golden metrics of one node split into groups (by version, by the remote end, by response code),
 * for the detail pages: per step, each group's request rate, error share and latency percentiles.
 * Pure: lib/prometheus/breakdown-queries.ts asks two range queries grouped by `groupLabels`.
 */
import { histogramQuantiles } from '../graph/histogram-quantile';
import type { Series } from '../types';

export type Direction = 'inbound' | 'outbound';
export type BreakdownBy = 'version' | 'remote' | 'code';
/** Which proxy's report counts: Kiali's choice; `both` keeps each reporter as its own series. */
export type ReporterChoice = 'source' | 'destination' | 'both';

export interface BreakdownPoint {
  readonly t: number;
  readonly rps: number;
  /** 5xx and failed gRPC calls over all requests; null without requests. */
  readonly errorRate: number | null;
  readonly p50Ms: number | null;
  readonly p90Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
}

export interface BreakdownGroup {
  /** The grouping labels' values joined, e.g. "v2", "bookinfo/productpage-v1", "503". */
  readonly key: string;
  /** With reporter `both`: whose report this series is. */
  readonly reporter?: 'source' | 'destination';
  readonly points: readonly BreakdownPoint[];
}

/** The labels a breakdown groups by, on the side the direction looks from. */
export function groupLabels(direction: Direction, by: BreakdownBy): readonly string[] {
  if (by === 'code') return ['response_code'];
  if (by === 'version') return [direction === 'inbound' ? 'destination_version' : 'source_version'];
  return direction === 'inbound'
    ? ['source_workload_namespace', 'source_workload']
    : ['destination_service_namespace', 'destination_service_name'];
}

const QUANTILES = [0.5, 0.9, 0.95, 0.99] as const;

function keyOf(labels: Readonly<Record<string, string>>, by: readonly string[]): string {
  return by
    .map((l) => (labels[l] === undefined || labels[l] === '' ? 'unknown' : labels[l]))
    .join('/');
}

function failed(labels: Readonly<Record<string, string>>): boolean {
  if (labels.request_protocol === 'grpc') {
    const status = labels.grpc_response_status;
    return status !== undefined && status !== '' && status !== '0';
  }
  return (labels.response_code ?? '').startsWith('5') || labels.response_code === '0';
}

interface Acc {
  rps: number;
  errors: number;
  buckets: Map<number, number>;
}

/**
 * One series per group over `timestamps` (steps with no sample count as no traffic), largest total
 * rate first. `requests` is grouped by the group labels plus response_code, grpc_response_status,
 * request_protocol (and reporter with `both`); `durations` by the group labels and le.
 */
export function breakdownGroups(
  labels: readonly string[],
  reporter: ReporterChoice,
  timestamps: readonly number[],
  requests: readonly Series[],
  durations: readonly Series[],
): BreakdownGroup[] {
  const idOf = (l: Readonly<Record<string, string>>): string =>
    reporter === 'both' ? `${keyOf(l, labels)}\n${l.reporter ?? ''}` : keyOf(l, labels);
  const cells = new Map<string, Map<number, Acc>>();
  const cell = (id: string, t: number): Acc => {
    let byT = cells.get(id);
    if (!byT) cells.set(id, (byT = new Map()));
    let acc = byT.get(t);
    if (!acc) byT.set(t, (acc = { rps: 0, errors: 0, buckets: new Map() }));
    return acc;
  };
  for (const s of requests)
    for (const p of s.points) {
      if (!Number.isFinite(p.v)) continue;
      const acc = cell(idOf(s.labels), p.t);
      acc.rps += p.v;
      if (failed(s.labels)) acc.errors += p.v;
    }
  for (const s of durations) {
    const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
    if (Number.isNaN(le)) continue;
    for (const p of s.points) {
      if (!Number.isFinite(p.v)) continue;
      const acc = cell(idOf(s.labels), p.t);
      acc.buckets.set(le, (acc.buckets.get(le) ?? 0) + p.v);
    }
  }
  const groups = [...cells].map(([id, byT]) => {
    const [key = 'unknown', who] = id.split('\n');
    const points = timestamps.map((t) => pointAt(t, byT.get(t)));
    const group: BreakdownGroup =
      who === 'source' || who === 'destination' ? { key, reporter: who, points } : { key, points };
    return { group, total: points.reduce((sum, p) => sum + p.rps, 0) };
  });
  return groups
    .sort((a, b) => b.total - a.total || a.group.key.localeCompare(b.group.key))
    .map((g) => g.group);
}

function pointAt(t: number, acc: Acc | undefined): BreakdownPoint {
  const qs =
    acc && acc.buckets.size > 0
      ? histogramQuantiles(
          QUANTILES,
          [...acc.buckets].map(([upperBound, count]) => ({ upperBound, count })),
        ).map((v) => (Number.isFinite(v) ? v : null))
      : [];
  const rps = acc?.rps ?? 0;
  return {
    t,
    rps,
    errorRate: rps > 0 ? (acc?.errors ?? 0) / rps : null,
    p50Ms: qs[0] ?? null,
    p90Ms: qs[1] ?? null,
    p95Ms: qs[2] ?? null,
    p99Ms: qs[3] ?? null,
  };
}
