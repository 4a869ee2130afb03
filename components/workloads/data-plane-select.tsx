'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import {
  DATA_PLANE_FILTERS,
  readDataPlaneFilter,
  toDataPlaneFilter,
  type DataPlaneFilter,
} from './data-plane-filter';

/** The data-plane filter, kept in the URL beside the namespaces so that a view can be linked to. */
export function useDataPlaneFilter(): [DataPlaneFilter, (filter: DataPlaneFilter) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = (filter: DataPlaneFilter): void => {
    const next = new URLSearchParams(params);
    if (filter === 'all') next.delete('dataPlane');
    else next.set('dataPlane', filter);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return [readDataPlaneFilter(new URLSearchParams(params.toString())), set];
}

export function DataPlaneSelect({
  value,
  onChange,
}: {
  readonly value: DataPlaneFilter;
  readonly onChange: (filter: DataPlaneFilter) => void;
}): ReactNode {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
      Data plane
      <select
        value={value}
        onChange={(e) => onChange(toDataPlaneFilter(e.target.value))}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {Object.entries(DATA_PLANE_FILTERS).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
