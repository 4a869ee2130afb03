import type { Series } from '../types';

/** Two steps, at t = 1000 and 2000 ms, of a range query's series: the breakdown tests' input. */
export const STEPS = [1000, 2000] as const;

export function stepSeries(labels: Record<string, string>, v: [number, number]): Series {
  return {
    labels,
    points: [
      { t: STEPS[0], v: v[0] },
      { t: STEPS[1], v: v[1] },
    ],
  };
}
