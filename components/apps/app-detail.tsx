'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { AppliedConfig } from '@/components/ui/applied-config';
import { GoldenMetrics } from '@/components/ui/golden/golden-metrics';
import { DetailLinks } from '@/components/ui/detail-links';
import { HealthBadge } from '@/components/ui/health-badge';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { ListBreadcrumb } from '@/components/ui/list-breadcrumb';
import { PageHeader } from '@/components/ui/page-header';
import { tracesHref } from '@/components/ui/traces-href';
import { useWorkloadsQuery } from '@/lib/client/use-workloads';
import { appId } from '@/lib/mesh/graph/node-ids';

const LINK = 'text-sky-700 hover:underline dark:text-sky-400';

export interface AppDetailProps {
  readonly namespace: string;
  readonly app: string;
}

/**
 * One app (the workloads sharing its `app` label, every version): its workloads with their health
 * and pods, and its inbound and outbound golden metrics, by version to compare them.
 */
export function AppDetail({ namespace, app }: AppDetailProps): ReactNode {
  const workloads = useWorkloadsQuery([namespace]);
  const members = (workloads.data?.workloads ?? []).filter((w) => w.app === app);
  const graph = `/graph?${new URLSearchParams({ namespaces: namespace, type: 'app', selected: appId(namespace, app) }).toString()}`;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        breadcrumb={<ListBreadcrumb list="Workloads" href="/workloads" namespace={namespace} />}
        title={`App ${app}`}
        actions={<DetailLinks graph={graph} traces={tracesHref({ namespace, target: app })} />}
      />
      {workloads.error ? <ProblemAlert problem={workloads.error} /> : null}
      {workloads.data && members.length === 0 ? (
        <p role="alert" className="text-sm">
          No workload in {namespace} carries app={app}.
        </p>
      ) : null}
      {members.length > 0 ? (
        <ul
          aria-label="Workloads of the app"
          className="flex flex-wrap gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          {members.map((w) => (
            <li key={w.name} className="flex items-center gap-2 text-sm">
              <Link className={LINK} href={`/workloads/${namespace}/${encodeURIComponent(w.name)}`}>
                {w.name}
              </Link>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {w.version ?? 'no version'} · {w.readyReplicas}/{w.desiredReplicas} ready
              </span>
              <HealthBadge health={w.health} />
            </li>
          ))}
        </ul>
      ) : null}
      <GoldenMetrics node={appId(namespace, app)} outbound />
      <AppliedConfig subject={{ kind: 'app', namespace, app }} />
    </div>
  );
}
