import { describe, expect, it } from 'vitest';
import { chooseStep, timeRangeProblems } from './time-range';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const LIMITS = { scrapeIntervalSeconds: 15, retentionSeconds: 86_400 };

describe('timeRangeProblems', () => {
  it('accepts windows from two scrapes to the retention, ending now or in the past', () => {
    expect(timeRangeProblems(60, undefined, NOW, LIMITS)).toEqual([]);
    expect(timeRangeProblems(30, undefined, NOW, LIMITS)).toEqual([]);
    expect(timeRangeProblems(3600, NOW - 600_000, NOW, LIMITS)).toEqual([]);
    expect(timeRangeProblems(7 * 86_400, undefined, NOW, { scrapeIntervalSeconds: 15 })).toEqual(
      [],
    );
  });

  it('names the limit a window or an end breaks', () => {
    expect(timeRangeProblems(5, undefined, NOW, LIMITS)).toEqual([
      {
        path: 'window',
        message:
          "at least 30s: twice Prometheus' scrape interval (15s), or a rate has fewer than two samples",
      },
    ]);
    expect(timeRangeProblems(3600, NOW - 2 * 86_400_000, NOW, LIMITS)).toEqual([
      {
        path: 'end',
        message:
          'Prometheus keeps 1d of data (storage.tsdb.retention.time): end must be after 2026-12-04T12:00:00Z',
      },
    ]);
    // A window longer than the retention shows what is kept.
    expect(timeRangeProblems(7 * 86_400, undefined, NOW, LIMITS)).toEqual([]);
    expect(timeRangeProblems(60, NOW + 3_600_000, NOW, LIMITS)[0]?.message).toMatch(/future/);
  });
});

describe('chooseStep', () => {
  it('gives 60 to 120 points whatever the window, never finer than the scrape interval', () => {
    for (const window of [3600, 6 * 3600, 86_400, 7 * 86_400, 30 * 86_400, 30 * 60, 2 * 3600]) {
      const points = window / chooseStep(window, 15);
      expect(points, String(window)).toBeGreaterThanOrEqual(60);
      expect(points, String(window)).toBeLessThanOrEqual(120);
    }
    expect(chooseStep(7 * 86_400, 15)).toBe(7200);
    expect(chooseStep(60, 15)).toBe(15);
    expect(chooseStep(300, 60)).toBe(60);
  });
});
