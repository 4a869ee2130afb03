import Link from 'next/link';
import type { ReactNode } from 'react';
import { MetricCells, MetricHeaders } from '@/components/ui/list-metrics-columns';
import { SortHeader } from '@/components/ui/sort/sort-header';
import type { TimeRange } from '@/components/ui/time-controls';
import type { AppListItem } from '@/lib/mesh/lists/app-list';
import { sortApps, type AppSort, type AppSortKey } from './sort-apps';

export interface AppTableProps {
  readonly apps: readonly AppListItem[];
  readonly sort: AppSort;
  readonly onSort: (key: AppSortKey) => void;
  /** The window the rates, p95 and sparklines describe. */
  readonly range: TimeRange;
}

export function AppTable({ apps, sort, onSort, range }: AppTableProps): ReactNode {
  const header = { sort, onSort };
  return (
    <table className="w-full rounded-lg bg-white text-sm shadow-sm dark:bg-slate-900">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <SortHeader sortKey="app" {...header}>
            App
          </SortHeader>
          <SortHeader sortKey="namespace" {...header}>
            Namespace
          </SortHeader>
          <SortHeader sortKey="workloads" isNumeric {...header}>
            Workloads
          </SortHeader>
          <th scope="col" className="px-3 py-2 font-medium">
            Versions
          </th>
          <MetricHeaders {...header} />
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {sortApps(apps, sort).map((a) => (
          <tr
            key={`${a.namespace}/${a.app}`}
            data-testid="app-row"
            data-app={`${a.namespace}/${a.app}`}
            className="border-b border-slate-100 last:border-0 dark:border-slate-800"
          >
            <th scope="row" className="px-3 py-2 text-left font-medium">
              <Link
                href={`/apps/${encodeURIComponent(a.namespace)}/${encodeURIComponent(a.app)}`}
                className="text-sky-700 hover:underline dark:text-sky-400"
              >
                {a.app}
              </Link>
            </th>
            <td className="px-3 py-2">{a.namespace}</td>
            <td className="px-3 py-2 text-right">{a.workloads}</td>
            <td className="px-3 py-2 text-slate-700 dark:text-slate-300">
              {a.versions.length > 0 ? a.versions.join(', ') : '—'}
            </td>
            <MetricCells row={a} range={range} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
