import Link from 'next/link';
import type { ReactNode } from 'react';
import { MetricCells, MetricHeaders } from '@/components/ui/list-metrics-columns';
import { SortHeader } from '@/components/ui/sort/sort-header';
import type { TimeRange } from '@/components/ui/time-controls';
import type { ServiceListItem } from '@/lib/mesh/lists/service-list';
import { sortServices, type ServiceSort, type ServiceSortKey } from './sort-services';

export interface ServiceTableProps {
  readonly services: readonly ServiceListItem[];
  readonly sort: ServiceSort;
  readonly onSort: (key: ServiceSortKey) => void;
  /** The window the rates, p95 and sparklines describe. */
  readonly range: TimeRange;
}

function Routing({ s }: { s: ServiceListItem }): ReactNode {
  if (s.hasTrafficSplit)
    return (
      <span className="rounded-full bg-violet-100 px-2 py-0.5 font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-200">
        Traffic split
      </span>
    );
  if (s.virtualService)
    return <span className="text-slate-600 dark:text-slate-300">VirtualService</span>;
  return <span className="text-slate-400">—</span>;
}

export function ServiceTable({ services, sort, onSort, range }: ServiceTableProps): ReactNode {
  const header = { sort, onSort };
  return (
    <table className="w-full rounded-lg bg-white text-sm shadow-sm dark:bg-slate-900">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <SortHeader sortKey="name" {...header}>
            Service
          </SortHeader>
          <SortHeader sortKey="namespace" {...header}>
            Namespace
          </SortHeader>
          <MetricHeaders {...header} />
          <th scope="col" className="px-3 py-2 font-medium">
            Routing
          </th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {sortServices(services, sort).map((s) => (
          <tr
            key={`${s.namespace}/${s.name}`}
            data-testid="service-row"
            className="border-b border-slate-100 last:border-0 dark:border-slate-800"
          >
            <th scope="row" className="px-3 py-2 text-left font-medium">
              <Link
                href={`/services/${s.namespace}/${s.name}`}
                className="text-sky-700 hover:underline dark:text-sky-400"
              >
                {s.name}
              </Link>
            </th>
            <td className="px-3 py-2">{s.namespace}</td>
            <MetricCells row={s} range={range} />
            <td className="px-3 py-2 text-xs">
              <Routing s={s} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
