import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';

/** The Data plane column's filter, as the URL's `dataPlane` carries it. */
export const DATA_PLANE_FILTERS = {
  all: 'All data planes',
  sidecar: 'Sidecar',
  ambient: 'Ambient (any)',
  waypoint: 'Ambient + waypoint',
  l4: 'Ambient, L4 only',
  none: 'None',
  warnings: 'With capture warnings',
} as const;

export type DataPlaneFilter = keyof typeof DATA_PLANE_FILTERS;

/** An unknown value (a hand-edited link) shows everything rather than nothing. */
export function toDataPlaneFilter(value: string | null): DataPlaneFilter {
  return value !== null && Object.hasOwn(DATA_PLANE_FILTERS, value)
    ? (value as DataPlaneFilter)
    : 'all';
}

export const readDataPlaneFilter = (params: URLSearchParams): DataPlaneFilter =>
  toDataPlaneFilter(params.get('dataPlane'));

export function matchesDataPlane(w: WorkloadListItem, filter: DataPlaneFilter): boolean {
  const { mode, waypoint, proxy } = w.dataPlane;
  switch (filter) {
    case 'all':
      return true;
    case 'warnings':
      return w.captureWarnings.length > 0;
    case 'waypoint':
      return mode === 'ambient' && waypoint !== undefined;
    case 'l4':
      return mode === 'ambient' && waypoint === undefined;
    case 'none':
      return mode === 'none' && proxy === undefined;
    default:
      return mode === filter;
  }
}
