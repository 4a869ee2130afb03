'use client';

import type { ReactNode } from 'react';
import { NamespaceSelect, useNamespaceFilter } from '@/components/ui/namespace-filter';
import { useSecurityQuery } from '@/lib/client/use-security';
import { useWorkloadsQuery } from '@/lib/client/use-workloads';
import { useWorkloadSort } from './use-workload-sort';
import { WorkloadTable } from './workload-table';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { PageHeader } from '@/components/ui/page-header';

export function WorkloadList(): ReactNode {
  const [selected, setSelected] = useNamespaceFilter();
  const [sort, sortBy] = useWorkloadSort();
  const { data, error, isPending } = useWorkloadsQuery(selected);
  const security = useSecurityQuery(selected);
  const postures = new Map(
    security.data?.workloads.map((w) => [`${w.namespace}/${w.name}`, w] as const),
  );
  return (
    <section aria-labelledby="workloads-title" className="flex flex-col gap-4">
      <PageHeader
        title="Workloads"
        titleId="workloads-title"
        actions={<NamespaceSelect selected={selected} onChange={setSelected} />}
      />
      {error ? <ProblemAlert problem={error} /> : null}
      {data?.metricsError ? (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          Metrics unavailable: {data.metricsError}. Health comes from pod readiness alone.
        </p>
      ) : null}
      {security.error ? (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          mTLS posture unavailable: {security.error.detail}
        </p>
      ) : null}
      {isPending ? <p className="text-sm text-slate-500">Loading workloads…</p> : null}
      {data && data.workloads.length > 0 ? (
        <WorkloadTable workloads={data.workloads} sort={sort} onSort={sortBy} security={postures} />
      ) : null}
      {data && data.workloads.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No workloads.</p>
      ) : null}
    </section>
  );
}
