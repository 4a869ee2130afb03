import type { TableSort } from './sort-state';

/** What a column sorts on; null (metrics unavailable) always sorts last. */
export type SortValue = number | string | null;

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Rows in the given order, ties broken by `tieBreak`; the input is left untouched. */
export function sortRows<Row, K extends string>(
  rows: readonly Row[],
  sort: TableSort<K>,
  valueOf: (row: Row, key: K) => SortValue,
  tieBreak: (a: Row, b: Row) => number,
): Row[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = valueOf(a, sort.key);
    const vb = valueOf(b, sort.key);
    const primary =
      va === null || vb === null
        ? Number(va === null) - Number(vb === null)
        : sign * compareValues(va, vb);
    return primary || tieBreak(a, b);
  });
}
