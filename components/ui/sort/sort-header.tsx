import type { ReactNode } from 'react';
import type { TableSort } from './sort-state';

export interface SortHeaderProps<K extends string> {
  readonly sortKey: K;
  readonly sort: TableSort<K>;
  readonly onSort: (key: K) => void;
  readonly isNumeric?: boolean;
  readonly children: ReactNode;
}

/** A column header whose button sorts by it; aria-sort tells assistive technology the current order. */
export function SortHeader<K extends string>({
  sortKey,
  sort,
  onSort,
  isNumeric = false,
  children,
}: SortHeaderProps<K>): ReactNode {
  const isActive = sort.key === sortKey;
  const ariaSort = isActive ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  // Numeric columns are right-aligned: the arrow goes first so the label lines up with the figures.
  const arrow = (
    <span aria-hidden className={isActive ? '' : 'invisible'}>
      {sort.direction === 'asc' ? '▲' : '▼'}
    </span>
  );
  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      className={`px-3 py-2 font-medium ${isNumeric ? 'text-right' : ''}`}
    >
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className={`inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-slate-100 ${isActive ? 'text-slate-900 dark:text-slate-100' : ''}`}
      >
        {isNumeric ? arrow : null}
        {children}
        {isNumeric ? null : arrow}
      </button>
    </th>
  );
}
