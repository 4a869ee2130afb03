import type { Sample, Series } from '@/lib/mesh/types';
import type { PromQueryData } from './wire';

/**
 * Prometheus' sample value strings to numbers. Go formats them with strconv.FormatFloat, so the
 * specials are "NaN", "+Inf" and "-Inf"; anything else unparseable also becomes NaN rather than 0,
 * because a wrong zero would look like real data.
 */
export function parseSampleValue(value: string): number {
  switch (value) {
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    default: {
      const n = Number(value);
      return value.trim() === '' ? NaN : n;
    }
  }
}

/**
 * An instant query result as samples. A scalar becomes one unlabeled sample. NaN values are kept
 * (e.g. a 0/0 error rate of an idle edge): whether NaN means "idle" or "unknown" is the caller's call.
 */
export function toSamples(data: PromQueryData): Sample[] {
  switch (data.resultType) {
    case 'vector':
      return data.result.map((s) => ({ labels: s.metric, value: parseSampleValue(s.value[1]) }));
    case 'scalar':
      return [{ labels: {}, value: parseSampleValue(data.result[1]) }];
    case 'matrix':
      throw new Error('Expected an instant vector, got a matrix; use a range query for series.');
    case 'string':
      throw new Error('Expected an instant vector, got a string result.');
  }
}

/** A range query result as series, timestamps converted from float seconds to epoch ms. NaN points kept. */
export function toSeries(data: PromQueryData): Series[] {
  if (data.resultType !== 'matrix') {
    throw new Error(`Expected a matrix from a range query, got a ${data.resultType}.`);
  }
  return data.result.map((s) => ({
    labels: s.metric,
    points: s.values.map(([t, v]) => ({ t: Math.round(t * 1000), v: parseSampleValue(v) })),
  }));
}
