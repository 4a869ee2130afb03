import { sortRows, type SortValue } from '@/components/ui/sort/sort-rows';
import type { SortColumns, TableSort } from '@/components/ui/sort/sort-state';
import { HEALTH_SEVERITY } from '@/lib/mesh/health/order';
import type { AppListItem } from '@/lib/mesh/lists/app-list';

const SORT_KEYS = ['app', 'namespace', 'workloads', 'health', 'rps', 'errorRate', 'p95'] as const;
export type AppSortKey = (typeof SORT_KEYS)[number];
export type AppSort = TableSort<AppSortKey>;

/** Worst health first until another column is picked, as the other lists. */
export const APP_COLUMNS: SortColumns<AppSortKey> = {
  keys: SORT_KEYS,
  first: {
    app: 'asc',
    namespace: 'asc',
    workloads: 'desc',
    health: 'desc',
    rps: 'desc',
    errorRate: 'desc',
    p95: 'desc',
  },
  initial: { key: 'health', direction: 'desc' },
};

function sortValue(a: AppListItem, key: AppSortKey): SortValue {
  switch (key) {
    case 'app':
      return a.app;
    case 'namespace':
      return a.namespace;
    case 'workloads':
      return a.workloads;
    case 'health':
      return HEALTH_SEVERITY[a.health];
    case 'rps':
      return a.rps;
    case 'errorRate':
      return a.errorRate;
    case 'p95':
      return a.p95Ms;
  }
}

/** Rows in the given order, ties broken by namespace then app; the input is left untouched. */
export function sortApps(rows: readonly AppListItem[], sort: AppSort): AppListItem[] {
  return sortRows(
    rows,
    sort,
    sortValue,
    (a, b) => a.namespace.localeCompare(b.namespace) || a.app.localeCompare(b.app),
  );
}
