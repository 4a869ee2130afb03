'use client';

import type { ReactNode } from 'react';
import type { NamespaceSummary } from '@/lib/api/namespaces';
import { useNamespacesQuery } from '@/lib/client/use-namespaces';
import { useSecurityQuery } from '@/lib/client/use-security';
import { sortByHealth } from '@/lib/mesh/health/order';
import { NamespaceCard } from './namespace-card';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { PageHeader } from '@/components/ui/page-header';

// Empty namespaces (default, kube-public, …) would push the mesh's own namespaces off the first screen.
const isEmpty = (ns: NamespaceSummary): boolean => ns.services === 0 && ns.workloads === 0;

export function Overview(): ReactNode {
  const { data, error, isPending, dataUpdatedAt } = useNamespacesQuery();
  // The header's lock asks the same question, so this shares its answer rather than asking again.
  const security = useSecurityQuery([]);
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
