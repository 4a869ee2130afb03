/**
 * Envoy's default histogram buckets (HistogramSettingsImpl::defaultBuckets). Istio uses them for
 * all three istio_* histograms unless a pod sets sidecar.istio.io/statsHistogramBuckets.
 */
export const ENVOY_BUCKETS: readonly number[] = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000,
  1800000, 3600000,
];

/** Per-bucket (not cumulative) counts; the last slot is the +Inf overflow. */
export interface Histogram {
  counts: Float64Array;
  sum: number;
}

export function newHistogram(): Histogram {
  return { counts: new Float64Array(ENVOY_BUCKETS.length + 1), sum: 0 };
}

export function observe(h: Histogram, value: number): void {
  let i = 0;
  while (i < ENVOY_BUCKETS.length && value > (ENVOY_BUCKETS[i] ?? Infinity)) i++;
  h.counts[i] = (h.counts[i] ?? 0) + 1;
  h.sum += value;
}
