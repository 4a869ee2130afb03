import { describe, expect, it } from 'vitest';
import type { AppListItem } from '@/lib/mesh/lists/app-list';
import { sortApps } from './sort-apps';

const row = (app: string, extra: Partial<AppListItem> = {}): AppListItem => ({
  namespace: 'bookinfo',
  app,
  workloads: 1,
  versions: ['v1'],
  health: 'healthy',
  rps: 1,
  errorRate: 0,
  p95Ms: null,
  sparkline: null,
  ...extra,
});

const names = (rows: readonly AppListItem[]): string[] => rows.map((r) => r.app);

describe('sortApps', () => {
  const rows = [
    row('details', { p95Ms: 3 }),
    row('reviews', { p95Ms: 120, workloads: 3, health: 'degraded' }),
    row('ratings', { p95Ms: 8, rps: 20 }),
    row('legacy', { rps: null, errorRate: null }),
  ];

  it('sorts by p95 slowest first and by rate busiest first, rows without a value last', () => {
    expect(names(sortApps(rows, { key: 'p95', direction: 'desc' }))).toEqual([
      'reviews',
      'ratings',
      'details',
      'legacy',
    ]);
    expect(names(sortApps(rows, { key: 'rps', direction: 'desc' }))).toEqual([
      'ratings',
      'details',
      'reviews',
      'legacy',
    ]);
  });

  it('puts the worst health first, and sorts by the number of workloads', () => {
    expect(names(sortApps(rows, { key: 'health', direction: 'desc' }))[0]).toBe('reviews');
    expect(names(sortApps(rows, { key: 'workloads', direction: 'desc' }))[0]).toBe('reviews');
  });
});
