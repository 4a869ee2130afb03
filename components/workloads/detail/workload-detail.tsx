'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { AppliedConfig } from '@/components/ui/applied-config';
import { authorizationPolicyHref } from '@/components/ui/authz-links';
import { GoldenMetrics } from '@/components/ui/golden/golden-metrics';
import { useTimeRange } from '@/components/ui/golden/use-time-range';
import { DetailLinks } from '@/components/ui/detail-links';
import { HealthBadge } from '@/components/ui/health-badge';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { ListBreadcrumb } from '@/components/ui/list-breadcrumb';
import { PageHeader } from '@/components/ui/page-header';
import { MtlsBadge } from '@/components/ui/security/mtls-badge';
import { tracesHref } from '@/components/ui/traces-href';
import { useSecurityQuery } from '@/lib/client/use-security';
import { useWorkloadsQuery } from '@/lib/client/use-workloads';
import { workloadId } from '@/lib/mesh/graph/node-ids';
import { graphHref } from '../links';
import { DataPlaneState } from '../data-plane-state';

const LINK = 'text-sky-700 hover:underline dark:text-sky-400';
const CARD =
  'rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900';

function Fact({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export interface WorkloadDetailProps {
  readonly namespace: string;
  readonly name: string;
}

/**
 * One workload: who it is (health, pods, proxy, labels, mTLS), its inbound and outbound golden
 * metrics over any window or past moment, split as the reader chooses, and the policies that reach it.
 */
export function WorkloadDetail({ namespace, name }: WorkloadDetailProps): ReactNode {
  const workloads = useWorkloadsQuery([namespace]);
  const w = workloads.data?.workloads.find((x) => x.name === name);
  const [range] = useTimeRange();
  // The observed callers behind the posture are those of the window and moment the charts show.
  const security = useSecurityQuery([namespace], range.window, { end: range.end ?? undefined });
  const posture = security.data?.workloads.find(
    (x) => x.namespace === namespace && x.name === name,
  );
  const node = workloadId(namespace, name);
  const labels = Object.entries(posture?.podLabels ?? {});
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        breadcrumb={<ListBreadcrumb list="Workloads" href="/workloads" namespace={namespace} />}
        title={name}
        actions={
          <DetailLinks
            graph={graphHref({
              namespace,
              name,
              rps: w?.rps ?? null,
              outboundRps: w?.outboundRps ?? null,
            })}
            traces={tracesHref({ namespace, target: name })}
          />
        }
      />
      {workloads.error ? <ProblemAlert problem={workloads.error} /> : null}
      {workloads.data && !w ? (
        <p role="alert" className="text-sm">
          No workload {name} in {namespace}: it may have been deleted, or you may not see it.
        </p>
      ) : null}
      {w ? (
        <dl className={`${CARD} grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6`}>
          <Fact label="Health">
            <HealthBadge health={w.health} />
          </Fact>
          <Fact label="Kind">{w.kind}</Fact>
          <Fact label="Pods ready">
            {w.readyReplicas}/{w.desiredReplicas}
          </Fact>
          <Fact label="Data plane">
            <DataPlaneState
              dataPlane={w.dataPlane}
              namespace={namespace}
              namespaceInjects={w.namespaceInjects}
              warnings={w.captureWarnings}
            />
          </Fact>
          <Fact label="App · version">
            {w.app ? (
              <Link className={LINK} href={`/apps/${namespace}/${encodeURIComponent(w.app)}`}>
                {w.app}
              </Link>
            ) : (
              '—'
            )}
            {w.version ? ` · ${w.version}` : ''}
          </Fact>
          <Fact label="mTLS">
            {posture ? <MtlsBadge mode={posture.mode} source={posture.modeSource} /> : '—'}
          </Fact>
          {labels.length > 0 ? (
            <div className="col-span-full flex flex-wrap gap-1.5" aria-label="Pod labels">
              {labels.map(([k, v]) => (
                <code
                  key={k}
                  className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800"
                >
                  {k}={v}
                </code>
              ))}
            </div>
          ) : null}
          {w.captureWarnings.length > 0 ? (
            <div className="col-span-full">
              <ul
                aria-label="Capture warnings"
                className="flex flex-col gap-1 rounded-md bg-amber-50 p-2 text-sm text-amber-900 ring-1 ring-amber-600/30 ring-inset dark:bg-amber-950/40 dark:text-amber-200"
              >
                {w.captureWarnings.map((c) => (
                  <li key={c.message}>{c.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </dl>
      ) : null}
      <GoldenMetrics node={node} outbound />
      <AppliedConfig subject={{ kind: 'workload', namespace, name }} />
      <section aria-labelledby="policies-title" className={CARD}>
        <h2 id="policies-title" className="mb-2 text-sm font-semibold">
          AuthorizationPolicies that reach it
        </h2>
        {posture && posture.policies.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            None: Istio allows every caller.
          </p>
        ) : null}
        <ul className="flex flex-col gap-1 text-sm">
          {(posture?.policies ?? []).map((p) => (
            <li key={`${p.namespace}/${p.name}`}>
              <Link className={LINK} href={authorizationPolicyHref(p.namespace, p.name)}>
                {p.namespace}/{p.name}
              </Link>{' '}
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {p.action}, {p.scope}, {p.rules} {p.rules === 1 ? 'rule' : 'rules'}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
