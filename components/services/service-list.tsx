'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatPercent, formatRps } from '@/components/ui/format';
import { HealthBadge } from '@/components/ui/health-badge';
import { NamespaceSelect, useNamespaceFilter } from '@/components/ui/namespace-filter';
import { useServicesQuery } from '@/lib/client/use-services';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { PageHeader } from '@/components/ui/page-header';

export function ServiceList(): ReactNode {
  const [selected, setSelected] = useNamespaceFilter();
  const { data, error, isPending } = useServicesQuery(selected);
  const metrics = data?.metricsError === undefined;
  return (
    <section aria-labelledby="services-title" className="flex flex-col gap-4">
      <PageHeader
        title="Services"
        titleId="services-title"
        actions={<NamespaceSelect selected={selected} onChange={setSelected} />}
      />
      {error ? <ProblemAlert problem={error} /> : null}
      {data?.metricsError ? (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          Metrics unavailable: {data.metricsError}
        </p>
      ) : null}
      {isPending ? <p className="text-sm text-slate-500">Loading services…</p> : null}
      {data ? (
        <table className="w-full rounded-lg bg-white text-sm shadow-sm dark:bg-slate-900">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
              <th scope="col" className="px-3 py-2 font-medium">
                Service
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Namespace
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Health
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Requests/s
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Error rate
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Routing
              </th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {data.services.map((s) => (
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
                <td className="px-3 py-2">
                  <HealthBadge health={s.health} />
                </td>
                <td className="px-3 py-2 text-right">
                  {metrics && s.rps !== null ? formatRps(s.rps) : '—'}
                </td>
                <td
                  className={`px-3 py-2 text-right ${s.errorRate ? 'text-red-700 dark:text-red-400' : ''}`}
                >
                  {metrics && s.errorRate !== null ? formatPercent(s.errorRate) : '—'}
                </td>
                <td className="px-3 py-2 text-xs">
                  {s.hasTrafficSplit ? (
                    <span className="rounded-full bg-violet-100 px-2 py-0.5 font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-200">
                      Traffic split
                    </span>
                  ) : s.virtualService ? (
                    <span className="text-slate-600 dark:text-slate-300">VirtualService</span>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data && data.services.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No services.</p>
      ) : null}
    </section>
  );
}
