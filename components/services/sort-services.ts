import { sortRows, type SortValue } from '@/components/ui/sort/sort-rows';
import type { SortColumns, TableSort } from '@/components/ui/sort/sort-state';
import { HEALTH_SEVERITY } from '@/lib/mesh/health/order';
import type { ServiceListItem } from '@/lib/mesh/lists/service-list';

const SORT_KEYS = ['name', 'namespace', 'health', 'rps', 'errorRate', 'p95'] as const;
export type ServiceSortKey = (typeof SORT_KEYS)[number];
export type ServiceSort = TableSort<ServiceSortKey>;

/** Worst health first until another column is picked, as the workloads list. */
export const SERVICE_COLUMNS: SortColumns<ServiceSortKey> = {
  keys: SORT_KEYS,
  first: {
    name: 'asc',
    namespace: 'asc',
    health: 'desc',
    rps: 'desc',
    errorRate: 'desc',
    p95: 'desc',
  },
  initial: { key: 'health', direction: 'desc' },
};

function sortValue(s: ServiceListItem, key: ServiceSortKey): SortValue {
  switch (key) {
    case 'name':
      return s.name;
    case 'namespace':
      return s.namespace;
    case 'health':
      return HEALTH_SEVERITY[s.health];
    case 'rps':
      return s.rps;
    case 'errorRate':
      return s.errorRate;
    case 'p95':
      return s.p95Ms;
  }
}

/** Rows in the given order, ties broken by namespace then name; the input is left untouched. */
export function sortServices(
  rows: readonly ServiceListItem[],
  sort: ServiceSort,
): ServiceListItem[] {
  return sortRows(
    rows,
    sort,
    sortValue,
    (a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  );
}
