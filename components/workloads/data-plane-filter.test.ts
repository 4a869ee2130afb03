import { describe, expect, it } from 'vitest';
import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';
import { fakeWorkloadRow } from '@/components/testing/fake-workloads';
import { matchesDataPlane, readDataPlaneFilter, type DataPlaneFilter } from './data-plane-filter';

const row = (name: string, extra: Partial<WorkloadListItem>): WorkloadListItem =>
  fakeWorkloadRow(name, {
    namespace: 'travel',
    hasSidecar: false,
    namespaceInjects: false,
    dataPlane: { mode: 'none' },
    ...extra,
  });

const ROWS = [
  row('reviews', { hasSidecar: true, dataPlane: { mode: 'sidecar' } }),
  row('web', {
    dataPlane: { mode: 'ambient', waypoint: { namespace: 'travel', name: 'waypoint' } },
  }),
  row('hotels-db', { dataPlane: { mode: 'ambient' } }),
  row('legacy', {
    captureWarnings: [
      { code: 'not-captured', namespace: 'travel', workload: 'legacy', message: 'm' },
    ],
  }),
  row('waypoint', { dataPlane: { mode: 'none', proxy: 'waypoint' } }),
];

const names = (filter: DataPlaneFilter): string[] =>
  ROWS.filter((w) => matchesDataPlane(w, filter)).map((w) => w.name);

describe('matchesDataPlane', () => {
  it('keeps the rows of each mode, waypoint or not, and those with warnings', () => {
    expect(names('all')).toHaveLength(5);
    expect(names('sidecar')).toEqual(['reviews']);
    expect(names('ambient')).toEqual(['web', 'hotels-db']);
    expect(names('waypoint')).toEqual(['web']);
    expect(names('l4')).toEqual(['hotels-db']);
    expect(names('none')).toEqual(['legacy']);
    expect(names('warnings')).toEqual(['legacy']);
  });
});

describe('readDataPlaneFilter', () => {
  it('reads the URL and shows everything for an unknown value', () => {
    expect(readDataPlaneFilter(new URLSearchParams('dataPlane=waypoint'))).toBe('waypoint');
    expect(readDataPlaneFilter(new URLSearchParams('dataPlane=toString'))).toBe('all');
    expect(readDataPlaneFilter(new URLSearchParams())).toBe('all');
  });
});
