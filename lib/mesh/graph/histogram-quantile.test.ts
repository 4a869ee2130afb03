import { describe, expect, it } from 'vitest';
import type { Bucket } from './histogram-quantile';
import { histogramQuantile, histogramQuantiles, parseLe } from './histogram-quantile';

const h = (counts: Readonly<Record<string, number>>): Bucket[] =>
  Object.entries(counts).map(([le, count]) => ({ upperBound: parseLe(le) ?? NaN, count }));

// Expected values worked out by hand from Prometheus's promql/quantile.go (BucketQuantile).
describe('histogramQuantile (Prometheus semantics)', () => {
  const istio = h({ '0.5': 0, '1': 0, '5': 10, '10': 20, '25': 20, '+Inf': 20 });

  it('interpolates linearly within the bucket holding the rank', () => {
    expect(histogramQuantile(0.5, istio)).toBe(5);
    expect(histogramQuantile(0.95, istio)).toBeCloseTo(9.5, 12);
    expect(histogramQuantile(0.99, istio)).toBeCloseTo(9.9, 12);
    expect(histogramQuantile(0.25, istio)).toBe(3);
  });

  it('returns the previous upper bound when the rank falls in +Inf', () => {
    expect(histogramQuantile(0.9, h({ '1': 5, '10': 8, '+Inf': 10 }))).toBe(10);
    expect(histogramQuantile(1, h({ '1': 5, '10': 8, '+Inf': 10 }))).toBe(10);
  });

  it('is NaN for +Inf only, no +Inf, no observations or no buckets', () => {
    expect(histogramQuantile(0.5, h({ '+Inf': 10 }))).toBeNaN();
    expect(histogramQuantile(0.5, h({ '1': 5, '10': 10 }))).toBeNaN();
    expect(histogramQuantile(0.5, h({ '1': 0, '+Inf': 0 }))).toBeNaN();
    expect(histogramQuantile(0.5, [])).toBeNaN();
  });

  it('handles q outside [0, 1] like Prometheus', () => {
    expect(histogramQuantile(-0.1, istio)).toBe(-Infinity);
    expect(histogramQuantile(1.1, istio)).toBe(Infinity);
    expect(histogramQuantile(NaN, istio)).toBeNaN();
  });

  it('returns a first upper bound ≤ 0 as is', () => {
    expect(histogramQuantile(0.25, h({ '0': 5, '1': 10, '+Inf': 10 }))).toBe(0);
  });

  it('sorts buckets and merges equal bounds', () => {
    expect(histogramQuantile(0.5, h({ '+Inf': 20, '10': 20, '5': 10, '1': 0 }))).toBe(5);
    const split = [...h({ '1': 0, '5': 5, '+Inf': 10 }), ...h({ '5': 5, '+Inf': 10 })];
    expect(histogramQuantile(0.5, split)).toBe(5);
  });

  it('forces monotonic counts (a decrease is ignored)', () => {
    // 2 → 4 is raised to 5, so the median is reached in the first bucket.
    expect(histogramQuantile(0.5, h({ '1': 5, '2': 4, '+Inf': 10 }))).toBe(1);
  });

  it('ignores floating-point noise between adjacent buckets', () => {
    // Without the tolerance the rank would land in (1, 2] and interpolate to ~1.8.
    expect(
      histogramQuantile(0.50000000000004, h({ '1': 10, '2': 10.000000000001, '+Inf': 20 })),
    ).toBe(2);
  });

  it('parses le values', () => {
    expect(parseLe('+Inf')).toBe(Infinity);
    expect(parseLe('0.5')).toBe(0.5);
    expect(parseLe('3600000')).toBe(3_600_000);
    expect(parseLe('')).toBeUndefined();
    expect(parseLe('x')).toBeUndefined();
    expect(parseLe(undefined)).toBeUndefined();
  });
});

describe('histogramQuantiles', () => {
  it('gives for each q what histogramQuantile gives, from one sort', () => {
    const qs = [0.5, 0.95, 0.99, 0, 1, -1, 2, NaN];
    const cases: Readonly<Record<string, number>>[] = [
      { '0.5': 0, '1': 0, '5': 10, '10': 20, '25': 20, '+Inf': 20 },
      { '10': 8, '1': 5, '+Inf': 10 },
      { '1': 6, '10': 5, '+Inf': 10 },
      { '+Inf': 10 },
      { '1': 5, '10': 10 },
      { '1': 0, '+Inf': 0 },
      {},
    ];
    for (const counts of cases) {
      const buckets = h(counts);
      expect(histogramQuantiles(qs, buckets)).toEqual(qs.map((q) => histogramQuantile(q, buckets)));
    }
  });
});
