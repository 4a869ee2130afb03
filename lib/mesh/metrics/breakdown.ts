/**
 * Golden metrics of one node split into groups (by version, by the remote end, by response code),
 * for the detail pages: per step, each group's request rate by response class, error share, latency
 * percentiles and average, and request and response sizes. Pure: lib/prometheus/breakdown-queries.ts
 * asks the range queries grouped by `groupLabels`, histograms told apart by {@link SERIES_LABEL}.
 */
import { histogramQuantiles } from '../graph/histogram-quantile';
import { responseClass } from '../health/request-counts';
import type { ResponseCodes, Series } from '../types';
import { GroupCells, type Grouped, type ReporterChoice } from './group-cells';

export type { ReporterChoice } from './group-cells';
export type Direction = 'inbound' | 'outbound';
export type BreakdownBy = 'version' | 'remote' | 'code';

/**
 * The label a query adds (label_replace) to say which metric a series is, so that several metrics
 * share one range query.
 */
export const SERIES_LABEL = 'meshlens_series';

/** The histograms a breakdown reads: `<name>` tags the buckets, `<name>_sum` the sums. */
export const HISTOGRAMS = ['duration', 'request_bytes', 'response_bytes'] as const;
export type HistogramName = (typeof HISTOGRAMS)[number];

export interface BreakdownPoint {
  readonly t: number;
  readonly rps: number;
  /** Requests per second by response class; gRPC errors and no response count as `other`. */
  readonly codes: ResponseCodes;
  /** 5xx and failed gRPC calls over all requests; null without requests. */
  readonly errorRate: number | null;
  /** Null without duration data at this step. */
  readonly avgMs: number | null;
  readonly p50Ms: number | null;
  readonly p90Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  /** Bytes per request and per response (headers and body, as Envoy counts them). */
  readonly requestBytesAvg: number | null;
  readonly requestBytesP95: number | null;
  readonly responseBytesAvg: number | null;
  readonly responseBytesP95: number | null;
}

export type BreakdownGroup = Grouped<BreakdownPoint>;

/** The labels a breakdown groups by, on the side the direction looks from. */
export function groupLabels(direction: Direction, by: BreakdownBy): readonly string[] {
  if (by === 'code') return ['response_code'];
  if (by === 'version') return [direction === 'inbound' ? 'destination_version' : 'source_version'];
  return direction === 'inbound'
    ? ['source_workload_namespace', 'source_workload']
    : ['destination_service_namespace', 'destination_service_name'];
}

const QUANTILES = [0.5, 0.9, 0.95, 0.99] as const;

function failed(labels: Readonly<Record<string, string>>): boolean {
  if (labels.request_protocol === 'grpc') {
    const status = labels.grpc_response_status;
    return status !== undefined && status !== '' && status !== '0';
  }
  return (labels.response_code ?? '').startsWith('5') || labels.response_code === '0';
}

interface Histogram {
  readonly buckets: Map<number, number>;
  sum: number;
}

interface Acc {
  rps: number;
  errors: number;
  codes: Record<keyof ResponseCodes, number>;
  histograms: Partial<Record<HistogramName, Histogram>>;
}

function histogramTag(tag: string | undefined): { name: HistogramName; sum: boolean } | undefined {
  const name = HISTOGRAMS.find((h) => tag === h || tag === `${h}_sum`);
  return name && { name, sum: tag !== name };
}

export interface BreakdownInput {
  /** The grouping labels, from {@link groupLabels}. */
  readonly labels: readonly string[];
  readonly reporter: ReporterChoice;
  readonly timestamps: readonly number[];
  /** Request rates by the group labels, response_code, grpc_response_status, request_protocol. */
  readonly requests: readonly Series[];
  /** Bucket rates (by the group labels and le) and sum rates, tagged by {@link SERIES_LABEL}. */
  readonly histograms: readonly Series[];
}

/**
 * One series per group over the timestamps (steps with no sample count as no traffic), largest
 * total rate first; with reporter `both`, each reporter's report is its own group.
 */
export function breakdownGroups(input: BreakdownInput): BreakdownGroup[] {
  const cells = new GroupCells<Acc>(input.labels, input.reporter, () => ({
    rps: 0,
    errors: 0,
    codes: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 },
    histograms: {},
  }));
  cells.addSeries(input.requests, (acc, v, s) => {
    acc.rps += v;
    if (failed(s.labels)) acc.errors += v;
    acc.codes[responseClass(s.labels.response_code ?? '', s.labels.grpc_response_status)] += v;
  });
  cells.addSeries(input.histograms, (acc, v, s) => {
    const tag = histogramTag(s.labels[SERIES_LABEL]);
    if (!tag) return;
    const h = (acc.histograms[tag.name] ??= { buckets: new Map(), sum: 0 });
    if (tag.sum) {
      h.sum += v;
      return;
    }
    const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
    if (!Number.isNaN(le)) h.buckets.set(le, (h.buckets.get(le) ?? 0) + v);
  });
  return cells.groups(input.timestamps, pointAt, (p) => p.rps);
}

function quantiles(h: Histogram | undefined): (number | null)[] {
  if (!h || h.buckets.size === 0) return [];
  return histogramQuantiles(
    QUANTILES,
    [...h.buckets].map(([upperBound, count]) => ({ upperBound, count })),
  ).map((v) => (Number.isFinite(v) ? v : null));
}

/** Sum over count; the +Inf bucket is the count. */
function average(h: Histogram | undefined): number | null {
  const count = h?.buckets.get(Infinity) ?? 0;
  return h && count > 0 ? h.sum / count : null;
}

function pointAt(t: number, acc: Acc | undefined): BreakdownPoint {
  const duration = quantiles(acc?.histograms.duration);
  const request = quantiles(acc?.histograms.request_bytes);
  const response = quantiles(acc?.histograms.response_bytes);
  const rps = acc?.rps ?? 0;
  return {
    t,
    rps,
    codes: acc?.codes ?? { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 },
    errorRate: rps > 0 ? (acc?.errors ?? 0) / rps : null,
    avgMs: average(acc?.histograms.duration),
    p50Ms: duration[0] ?? null,
    p90Ms: duration[1] ?? null,
    p95Ms: duration[2] ?? null,
    p99Ms: duration[3] ?? null,
    requestBytesAvg: average(acc?.histograms.request_bytes),
    requestBytesP95: request[2] ?? null,
    responseBytesAvg: average(acc?.histograms.response_bytes),
    responseBytesP95: response[2] ?? null,
  };
}
