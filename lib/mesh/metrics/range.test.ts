import { describe, expect, it } from 'vitest';
import { metricsRange, POINTS_PER_SERIES } from './range';

describe('metricsRange', () => {
  it('spans the window in 60 points aligned to the step', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 7, 300);
    const r = metricsRange('5m', now);
    expect(r.stepSeconds).toBe(5);
    expect(r.endMs).toBe(Date.UTC(2026, 0, 1, 12, 0, 5));
    expect(r.timestamps).toHaveLength(POINTS_PER_SERIES);
    expect(r.timestamps[0]).toBe(r.startMs);
    expect(r.timestamps.at(-1)).toBe(r.endMs);
    expect(r.endMs - r.startMs).toBe(59 * 5000);
  });

  it('gives the same range to every viewer within one step', () => {
    const a = metricsRange('1h', Date.UTC(2026, 0, 1, 12, 0, 1));
    const b = metricsRange('1h', Date.UTC(2026, 0, 1, 12, 0, 59));
    expect(a).toEqual(b);
  });

  it('never rates over less than a minute, nor less than the step', () => {
    expect(metricsRange('1m', 0).rateSeconds).toBe(60);
    expect(metricsRange('15m', 0)).toMatchObject({ stepSeconds: 15, rateSeconds: 60 });
    expect(metricsRange('1h', 0)).toMatchObject({ stepSeconds: 60, rateSeconds: 240 });
  });
});
