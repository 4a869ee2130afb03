'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { nextSort, parseSort, writeSort, type SortColumns, type TableSort } from './sort-state';

/** A table's sort, kept in the URL beside the namespace filter so a sorted view can be linked to. */
export function useTableSort<K extends string>(
  columns: SortColumns<K>,
): [TableSort<K>, (key: K) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const sort = parseSort(columns, params);
  const sortBy = (key: K): void => {
    // The live URL, not the render's: the time controls write it without a navigation.
    const next = new URLSearchParams(window.location.search);
    writeSort(columns, nextSort(columns, sort, key), next);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return [sort, sortBy];
}
