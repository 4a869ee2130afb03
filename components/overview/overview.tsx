'use client';

import type { ReactNode } from 'react';
import type { NamespaceSummary } from '@/lib/api/namespaces';
import { useNamespacesQuery } from '@/lib/client/use-namespaces';
import { useSecurityQuery } from '@/lib/client/use-security';
import { sortByHealth } from '@/lib/mesh/health/order';
import { NamespaceCard } from './namespace-card';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { PageHeader } from '@/components/ui/page-header';
import { useTimeRange } from '@/components/ui/golden/use-time-range';
import { TimeControls } from '@/components/ui/time-controls';

// Empty namespaces (default, kube-public, …) would push the mesh's own namespaces off the first screen.
const isEmpty = (ns: NamespaceSummary): boolean => ns.services === 0 && ns.workloads === 0;

export function Overview(): ReactNode {
  const [range, setRange] = useTimeRange();
  const end = range.end ?? undefined;
  const { data, error, isPending, dataUpdatedAt } = useNamespacesQuery({
    window: range.window,
    ...(end !== undefined && { end }),
  });
  const security = useSecurityQuery([], range.window, { end });
  const empty = data?.filter(isEmpty) ?? [];
  return (
    <section aria-labelledby="overview-title" className="flex flex-col gap-4">
      <PageHeader
        title="Namespaces"
        titleId="overview-title"
        actions={
          dataUpdatedAt ? (
            <p className="text-xs text-slate-500 dark:text-slate-400">
              Updated {new Date(dataUpdatedAt).toLocaleTimeString('en-GB')}
            </p>
          ) : null
        }
      />
      <div className="flex flex-wrap items-center gap-3">
        <TimeControls window={range.window} end={range.end} onChange={setRange} />
      </div>
      {error ? <ProblemAlert problem={error} /> : null}
      {isPending ? <p className="text-sm text-slate-500">Loading namespaces…</p> : null}
      {data && data.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No namespaces found.</p>
      ) : null}
      {data ? (
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] gap-4">
          {sortByHealth(data.filter((ns) => !isEmpty(ns))).map((ns) => (
            <li key={ns.name} className="flex">
              <NamespaceCard
                ns={ns}
                security={security.data?.namespaces.find((s) => s.name === ns.name)}
                securityError={security.error?.detail}
                window={range.window}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {empty.length > 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="empty-namespaces">
          Namespaces with no services or workloads: {empty.map((ns) => ns.name).join(', ')}
        </p>
      ) : null}
    </section>
  );
}
