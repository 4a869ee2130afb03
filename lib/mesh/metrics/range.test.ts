import { describe, expect, it } from 'vitest';
import { metricsRange } from './range';

describe('metricsRange', () => {
  it('spans the window in points aligned to the step, ending at or before the asked end', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 7, 300);
    const r = metricsRange('5m', now, 1);
    expect(r.stepSeconds).toBe(3);
    expect(r.endMs).toBe(Date.UTC(2026, 0, 1, 12, 0, 6));
    expect(r.timestamps).toHaveLength(100);
    expect(r.timestamps[0]).toBe(r.startMs);
    expect(r.timestamps.at(-1)).toBe(r.endMs);
    expect(r.endMs - r.startMs).toBe(99 * 3000);
  });

  it('keeps a 7-day chart as small as a 1-hour one, and a past end moves the whole range', () => {
    const end = Date.UTC(2026, 0, 1, 12);
    const week = metricsRange('7d', end, 15);
    const hour = metricsRange('1h', end, 15);
    expect(week.timestamps.length).toBeLessThanOrEqual(120);
    expect(hour.timestamps.length).toBeLessThanOrEqual(120);
    expect(week.stepSeconds).toBe(7200);
    const earlier = metricsRange('1h', end - 600_000, 15);
    expect(earlier.endMs).toBe(end - 600_000);
  });

  it('never steps finer than the scrape interval', () => {
    expect(metricsRange('1m', 0, 15)).toMatchObject({ stepSeconds: 15 });
    expect(metricsRange('1m', 0, 15).timestamps).toHaveLength(4);
  });

  it('gives the same range to every viewer within one step', () => {
    const a = metricsRange('1h', Date.UTC(2026, 0, 1, 12, 0, 1), 15);
    const b = metricsRange('1h', Date.UTC(2026, 0, 1, 12, 0, 29), 15);
    expect(a).toEqual(b);
  });

  it('never rates over less than a minute, four scrapes, nor four steps', () => {
    expect(metricsRange('1m', 0, 5).rateSeconds).toBe(60);
    expect(metricsRange('1m', 0, 30).rateSeconds).toBe(120);
    expect(metricsRange('1h', 0, 15)).toMatchObject({ stepSeconds: 30, rateSeconds: 120 });
  });

  it('gives a sparkline fewer points over the same window', () => {
    for (const window of ['1h', '6h', '7d'] as const) {
      const r = metricsRange(window, Date.UTC(2026, 0, 1, 12), 15, 30);
      expect(r.timestamps.length, window).toBeGreaterThanOrEqual(15);
      expect(r.timestamps.length, window).toBeLessThanOrEqual(30);
    }
    expect(metricsRange('1h', 0, 15, 30).stepSeconds).toBe(120);
  });
});
