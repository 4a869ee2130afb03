import type { ReactNode } from 'react';
import { MetricHeaders } from '@/components/ui/list-metrics-columns';
import { SortHeader } from '@/components/ui/sort/sort-header';
import type { TimeRange } from '@/components/ui/time-controls';
import type { WorkloadSecurity } from '@/lib/api/security';
import { summarizeWorkloads, type WorkloadListItem } from '@/lib/mesh/lists/workload-list';
import { sortWorkloads } from './sort-workloads';
import { summaryText } from './summary-text';
import type { SortKey, WorkloadSort } from './url-state';
import { WorkloadRow } from './workload-row';

export interface WorkloadTableProps {
  readonly workloads: readonly WorkloadListItem[];
  readonly sort: WorkloadSort;
  readonly onSort: (key: SortKey) => void;
  /** The window the rates, p95 and sparklines describe. */
  readonly range: TimeRange;
  /** mTLS posture per workload, keyed `namespace/name`. */
  readonly security?: ReadonlyMap<string, WorkloadSecurity>;
}

export function WorkloadTable({
  workloads,
  sort,
  onSort,
  range,
  security,
}: WorkloadTableProps): ReactNode {
  const header = { sort, onSort };
  return (
    <table className="w-full rounded-lg bg-white text-sm shadow-sm dark:bg-slate-900">
      <caption
        data-testid="workload-summary"
        className="caption-top pb-2 text-left text-sm text-slate-700 dark:text-slate-300"
      >
        {summaryText(summarizeWorkloads(workloads))}
      </caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <SortHeader sortKey="name" {...header}>
            Workload
          </SortHeader>
          <SortHeader sortKey="namespace" {...header}>
            Namespace
          </SortHeader>
          <th scope="col" className="px-3 py-2 font-medium">
            Kind
          </th>
          <SortHeader sortKey="pods" isNumeric {...header}>
            Pods ready
          </SortHeader>
          <SortHeader sortKey="dataPlane" {...header}>
            Data plane
          </SortHeader>
          <th
            scope="col"
            className="px-3 py-2 font-medium"
            title="The mode the workload enforces (PeerAuthentication) and what its clients send (DestinationRule or auto mTLS)"
          >
            mTLS
          </th>
          <MetricHeaders {...header} />
          <th scope="col" className="px-3 py-2 font-medium">
            <span className="sr-only">Links</span>
          </th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {sortWorkloads(workloads, sort).map((w) => (
          <WorkloadRow
            key={`${w.namespace}/${w.name}`}
            w={w}
            range={range}
            security={security?.get(`${w.namespace}/${w.name}`)}
          />
        ))}
      </tbody>
    </table>
  );
}
