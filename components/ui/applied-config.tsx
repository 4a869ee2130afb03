'use client';

import Link from 'next/link';
import { useId, type ReactNode } from 'react';

import type { AppliedConfigQuery } from '@/lib/api/istio';
import { useAppliedConfigQuery } from '@/lib/client/use-istio-config';
import type { AppliesVia } from '@/lib/mesh/istio/applies-to';
import { kindLabel } from '@/lib/mesh/istio/kinds';
import { editorHref } from './istio-links';
import { ValidationSummary } from './validation-status';

const LINK = 'text-sky-700 hover:underline dark:text-sky-400';

const VIA_WORDS: Readonly<Record<AppliesVia, string>> = {
  host: 'names its host',
  route: 'routes to it',
  parent: 'routes this service',
  backend: 'sends traffic to it as a backend',
  waypoint: 'waypoint serving its L7',
  gateway: 'gateway of a VirtualService above',
  selector: 'selects its pods',
  namespace: 'namespace-wide',
  mesh: 'mesh-wide (root namespace)',
};

export interface AppliedConfigProps {
  readonly subject: AppliedConfigQuery;
}

/**
 * The Istio objects that apply to a workload, app or service, each with how it applies, its
 * validation (the Istio config list's checks) and a link to its editor.
 */
export function AppliedConfig({ subject }: AppliedConfigProps): ReactNode {
  const titleId = useId();
  const query = useAppliedConfigQuery(subject);
  const items = query.data?.items;
  return (
    <section
      aria-labelledby={titleId}
      data-testid="applied-config"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={titleId} className="text-sm font-semibold">
        Istio config that applies
      </h2>
      {query.error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          Istio config unavailable — {query.error.detail}
        </p>
      ) : null}
      {!query.data && !query.error ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">Loading…</p>
      ) : null}
      {items && items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No Istio object applies: Istio&apos;s defaults hold.
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Kind
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Object
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Applies as
                </th>
                <th scope="col" className="py-1 font-medium">
                  Validation
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {items.map((item) => (
                <tr key={`${item.kind}/${item.namespace}/${item.name}`} data-kind={item.kind}>
                  <td className="py-1.5 pr-3 whitespace-nowrap">{kindLabel(item.kind)}</td>
                  <td className="py-1.5 pr-3">
                    <Link className={LINK} href={editorHref(item)}>
                      {item.namespace}/{item.name}
                    </Link>
                  </td>
                  <td className="py-1.5 pr-3 text-slate-600 dark:text-slate-400">
                    {VIA_WORDS[item.via]}
                  </td>
                  <td className="py-1.5">
                    <ValidationSummary validations={item.validations} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
