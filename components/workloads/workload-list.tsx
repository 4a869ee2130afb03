'use client';

import type { ReactNode } from 'react';
import { ListFrame } from '@/components/ui/list-frame';
import { useListView } from '@/components/ui/use-list-view';
import { useSecurityQuery } from '@/lib/client/use-security';
import { useWorkloadsQuery } from '@/lib/client/use-workloads';
import { matchesDataPlane } from './data-plane-filter';
import { DataPlaneSelect, useDataPlaneFilter } from './data-plane-select';
import { WORKLOAD_COLUMNS } from './url-state';
import { WorkloadTable } from './workload-table';

export function WorkloadList(): ReactNode {
  const { frame, sort, onSort } = useListView(WORKLOAD_COLUMNS);
  const { data, error } = useWorkloadsQuery(frame.selected, frame.range);
  const security = useSecurityQuery(frame.selected);
  const [dataPlane, onDataPlane] = useDataPlaneFilter();
  const postures = new Map(
    security.data?.workloads.map((w) => [`${w.namespace}/${w.name}`, w] as const),
  );
  return (
    <ListFrame
      title="Workloads"
      {...frame}
      error={error}
      notes={data}
      withoutMetrics="Health comes from pod readiness alone."
      rows={data?.workloads.length}
      extraNotes={
        security.error ? (
          <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
            mTLS posture unavailable: {security.error.detail}
          </p>
        ) : null
      }
    >
      {data ? (
        <div className="flex flex-col gap-2">
          <DataPlaneSelect value={dataPlane} onChange={onDataPlane} />
          <WorkloadTable
            workloads={data.workloads.filter((w) => matchesDataPlane(w, dataPlane))}
            sort={sort}
            onSort={onSort}
            range={frame.range}
            security={postures}
          />
        </div>
      ) : null}
    </ListFrame>
  );
}
