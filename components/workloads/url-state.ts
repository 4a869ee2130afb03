import type { SortColumns, TableSort } from '@/components/ui/sort/sort-state';

const SORT_KEYS = [
  'health',
  'name',
  'namespace',
  'pods',
  'dataPlane',
  'rps',
  'errorRate',
  'p95',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type WorkloadSort = TableSort<SortKey>;

/** The workload table's columns: worst health first until another is picked. */
export const WORKLOAD_COLUMNS: SortColumns<SortKey> = {
  keys: SORT_KEYS,
  first: {
    health: 'desc',
    name: 'asc',
    namespace: 'asc',
    pods: 'asc',
    dataPlane: 'asc',
    rps: 'desc',
    errorRate: 'desc',
    p95: 'desc',
  },
  initial: { key: 'health', direction: 'desc' },
};
