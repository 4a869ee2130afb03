'use client';

import { useTimeRange } from './golden/use-time-range';
import { useNamespaceFilter } from './namespace-filter';
import type { SortColumns, TableSort } from './sort/sort-state';
import { useTableSort } from './sort/use-table-sort';
import type { TimeRange } from './time-controls';

export interface ListView<K extends string> {
  /** What ListFrame takes from the URL: the namespaces and the time. */
  readonly frame: {
    readonly selected: string[];
    readonly onSelect: (namespaces: string[]) => void;
    readonly range: TimeRange;
    readonly onRange: (patch: Partial<TimeRange>) => void;
  };
  readonly sort: TableSort<K>;
  readonly onSort: (key: K) => void;
}

/** A list page's state, all of it in the URL so a view can be linked to: namespaces, time, sort. */
export function useListView<K extends string>(columns: SortColumns<K>): ListView<K> {
  const [selected, onSelect] = useNamespaceFilter();
  const [sort, onSort] = useTableSort(columns);
  const [range, onRange] = useTimeRange();
  return { frame: { selected, onSelect, range, onRange }, sort, onSort };
}
