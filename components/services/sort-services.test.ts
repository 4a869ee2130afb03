import { describe, expect, it } from 'vitest';
import type { ServiceListItem } from '@/lib/mesh/lists/service-list';
import { sortServices } from './sort-services';

const row = (name: string, extra: Partial<ServiceListItem> = {}): ServiceListItem => ({
  namespace: 'bookinfo',
  name,
  workloads: 1,
  health: 'healthy',
  rps: 1,
  errorRate: 0,
  p95Ms: null,
  sparkline: null,
  hasTrafficSplit: false,
  subsets: [],
  ...extra,
});

describe('sortServices', () => {
  it('sorts by p95 either way, services without one last, ties by namespace then name', () => {
    const rows = [
      row('ratings', { p95Ms: 8 }),
      row('reviews', { p95Ms: 120 }),
      row('quiet', { rps: 0 }),
      row('details', { p95Ms: 8 }),
    ];
    const names = (key: 'asc' | 'desc'): string[] =>
      sortServices(rows, { key: 'p95', direction: key }).map((r) => r.name);
    expect(names('desc')).toEqual(['reviews', 'details', 'ratings', 'quiet']);
    expect(names('asc')).toEqual(['details', 'ratings', 'reviews', 'quiet']);
  });
});
