import { describe, expect, it } from 'vitest';
import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';
import { fakeWorkloadRow } from '@/components/testing/fake-workloads';
import { sortWorkloads } from './sort-workloads';

const row = fakeWorkloadRow;

const names = (rows: readonly WorkloadListItem[]): string[] => rows.map((r) => r.name);

describe('sortWorkloads', () => {
  const rows = [
    row('cart'),
    row('catalog', { health: 'degraded', errorRate: 0.05 }),
    row('legacy-batch', { health: 'unknown', hasSidecar: false, rps: 0 }),
    row('payments', { health: 'failing', readyReplicas: 0, desiredReplicas: 2, rps: 3 }),
    row('checkout', { outboundErrorRate: 0.1, health: 'failing', rps: 2 }),
  ];

  it('puts the worst health first by default, then names', () => {
    expect(names(sortWorkloads(rows, { key: 'health', direction: 'desc' }))).toEqual([
      'checkout',
      'payments',
      'catalog',
      'legacy-batch',
      'cart',
    ]);
  });

  it('sorts pods by the share ready and errors by the worse direction', () => {
    expect(names(sortWorkloads(rows, { key: 'pods', direction: 'asc' }))[0]).toBe('payments');
    expect(names(sortWorkloads(rows, { key: 'errorRate', direction: 'desc' })).slice(0, 2)).toEqual(
      ['checkout', 'catalog'],
    );
  });

  it('keeps rows without metrics last in either direction', () => {
    const withNull = [...rows, row('alpha', { rps: null, errorRate: null })];
    expect(names(sortWorkloads(withNull, { key: 'rps', direction: 'desc' })).at(-1)).toBe('alpha');
    expect(names(sortWorkloads(withNull, { key: 'rps', direction: 'asc' })).at(-1)).toBe('alpha');
  });

  it('sorts by p95, slowest first, rows without one last', () => {
    const timed = [
      row('fast', { p95Ms: 5 }),
      row('slow', { p95Ms: 900 }),
      row('quiet'),
      row('middling', { p95Ms: 40 }),
    ];
    expect(names(sortWorkloads(timed, { key: 'p95', direction: 'desc' }))).toEqual([
      'slow',
      'middling',
      'fast',
      'quiet',
    ]);
    expect(names(sortWorkloads(timed, { key: 'p95', direction: 'asc' }))).toEqual([
      'fast',
      'middling',
      'slow',
      'quiet',
    ]);
  });

  it('leaves its input untouched', () => {
    const copy = [...rows];
    sortWorkloads(rows, { key: 'name', direction: 'desc' });
    expect(rows).toEqual(copy);
  });
});
