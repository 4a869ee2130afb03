/**
 * Prometheus's histogram_quantile for classic histograms (promql/quantile.go, BucketQuantile), so
 * one bucket query serves every percentile and every graph aggregation instead of one
 * histogram_quantile query per percentile and graph type.
 */

export interface Bucket {
  /** The `le` label as a number; `+Inf` is Infinity. */
  readonly upperBound: number;
  /** Cumulative count (or rate) of observations ≤ upperBound. */
  readonly count: number;
}

/**
 * Relative difference below which two adjacent bucket counts are treated as equal: sums of rates
 * carry floating-point noise that would otherwise read as a non-monotonic histogram (Prometheus ≥ 2.50
 * uses the same 1e-12).
 */
const SMALL_DELTA_TOLERANCE = 1e-12;
const MIN_NORMAL = 2.2250738585072014e-308;

/** Parses an `le` label value as Prometheus does; undefined for a value it would ignore. */
export function parseLe(le: string | undefined): number | undefined {
  if (le === undefined) return undefined;
  if (le === '+Inf' || le === 'Inf' || le === '+inf' || le === 'inf') return Infinity;
  const n = Number(le);
  return le.trim() === '' || Number.isNaN(n) ? undefined : n;
}

function almostEqual(a: number, b: number, epsilon: number): boolean {
  if (a === b) return true;
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) return diff < epsilon * MIN_NORMAL;
  return diff / Math.min(absSum, Number.MAX_VALUE) < epsilon;
}

/** Merges buckets with the same bound (sorted input) and forces counts to be non-decreasing. */
function normalise(sorted: readonly Bucket[]): { upperBound: number; count: number }[] {
  const out: { upperBound: number; count: number }[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.upperBound === b.upperBound) last.count += b.count;
    else out.push({ upperBound: b.upperBound, count: b.count });
  }
  const first = out[0];
  if (first === undefined) return out;
  let prev = first.count;
  for (let i = 1; i < out.length; i++) {
    const bucket = out[i];
    if (bucket === undefined) continue;
    if (bucket.count === prev) continue;
    // Small deltas and decreases are both ignored without moving `prev`, as Prometheus does.
    if (almostEqual(prev, bucket.count, SMALL_DELTA_TOLERANCE) || bucket.count < prev) {
      bucket.count = prev;
      continue;
    }
    prev = bucket.count;
  }
  return out;
}

type Normalised = readonly { readonly upperBound: number; readonly count: number }[];

/** Sorted, merged, monotonic buckets; undefined when no quantile can be read from them. */
function prepare(buckets: readonly Bucket[]): Normalised | undefined {
  if (buckets.length === 0) return undefined;
  const sorted = [...buckets].sort((a, b) => a.upperBound - b.upperBound);
  if (sorted[sorted.length - 1]?.upperBound !== Infinity) return undefined;
  const bs = normalise(sorted);
  if (bs.length < 2) return undefined;
  if ((bs[bs.length - 1]?.count ?? 0) === 0) return undefined;
  return bs;
}

function quantileOf(q: number, bs: Normalised | undefined): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  if (bs === undefined) return NaN;
  const observations = bs[bs.length - 1]?.count ?? 0;

  let rank = q * observations;
  // First bucket (excluding +Inf) whose cumulative count reaches the rank, like Go's sort.Search.
  let b = 0;
  while (b < bs.length - 1 && (bs[b]?.count ?? 0) < rank) b++;
  const prevBucket = bs[b - 1];
  if (b === bs.length - 1) return prevBucket?.upperBound ?? NaN;
  const bucket = bs[b];
  if (bucket === undefined) return NaN;
  if (b === 0 && bucket.upperBound <= 0) return bucket.upperBound;

  let start = 0;
  let count = bucket.count;
  if (prevBucket !== undefined) {
    start = prevBucket.upperBound;
    count -= prevBucket.count;
    rank -= prevBucket.count;
  }
  return start + (bucket.upperBound - start) * (rank / count);
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of a classic histogram, linearly interpolated within its bucket.
 * NaN when there is no `+Inf` bucket, fewer than two buckets, or no observations; a quantile in the
 * `+Inf` bucket is the previous bucket's upper bound.
 */
export function histogramQuantile(q: number, buckets: readonly Bucket[]): number {
  if (Number.isNaN(q) || q < 0 || q > 1) return quantileOf(q, undefined);
  return quantileOf(q, prepare(buckets));
}

/** Several quantiles of one histogram, as histogramQuantile gives each, sorting the buckets once. */
export function histogramQuantiles(qs: readonly number[], buckets: readonly Bucket[]): number[] {
  const bs = prepare(buckets);
  return qs.map((q) => quantileOf(q, bs));
}
