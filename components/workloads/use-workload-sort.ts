'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import {
  nextSort,
  parseWorkloadSort,
  writeWorkloadSort,
  type SortKey,
  type WorkloadSort,
} from './url-state';

/** The table's sort, kept in the URL beside the namespace filter so a sorted view can be linked to. */
export function useWorkloadSort(): [WorkloadSort, (key: SortKey) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const sort = parseWorkloadSort(params);
  const sortBy = (key: SortKey): void => {
    const next = new URLSearchParams(params);
    writeWorkloadSort(nextSort(sort, key), next);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return [sort, sortBy];
}
