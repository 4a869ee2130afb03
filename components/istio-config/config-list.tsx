'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import type { IstioConfigItem } from '@/lib/api/istio';
import { useIstioListQuery } from '@/lib/client/use-istio-config';
import { useNamespacesQuery } from '@/lib/client/use-namespaces';
import { mayWriteAnywhere, noWritesReason } from '@/lib/mesh/access/write-permission';
import { ISTIO_KIND_NAMES, kindLabel } from '@/lib/mesh/istio/kinds';
import { ErrorText } from '@/components/ui/problem-alert';
import { PageHeader } from '@/components/ui/page-header';
import { ListFilters } from './list-filters';
import { LINK, PRIMARY_BUTTON, BUTTON } from './styles';
import { readListState, writeListState, type ListUrlState } from './url-state';
import { editorHref } from '@/components/ui/istio-links';
import { statusOf, ValidationSummary } from '@/components/ui/validation-status';
import { useWriteSession } from './use-write-access';

function matches(item: IstioConfigItem, state: ListUrlState): boolean {
  if (state.kind !== 'all' && item.kind !== state.kind) return false;
  return state.status === 'all' || statusOf(item.validations) === state.status;
}

/**
 * The entry points to writing, each offered only when the person's RBAC allows some write it makes;
 * otherwise the reason. The routing forms update a VirtualService and a DestinationRule together.
 */
function ConfigActions({ firstNamespace }: { firstNamespace: string | undefined }): ReactNode {
  const session = useWriteSession();
  if (!session) return null;
  const mayCreate = mayWriteAnywhere(session, 'create', ISTIO_KIND_NAMES);
  const mayRoute =
    mayWriteAnywhere(session, 'update', ['VirtualService']) &&
    mayWriteAnywhere(session, 'update', ['DestinationRule']);
  if (!mayCreate && !mayRoute) {
    return (
      <p data-testid="write-denied" className="max-w-md text-xs text-slate-600 dark:text-slate-400">
        {noWritesReason(session)}
      </p>
    );
  }
  return (
    <div className="flex gap-2">
      {mayRoute && (
        <Link className={BUTTON} href="/istio/wizard">
          Routing forms
        </Link>
      )}
      {mayCreate && (
        <Link
          className={PRIMARY_BUTTON}
          href={`/istio/new${firstNamespace ? `?namespace=${firstNamespace}` : ''}`}
        >
          New from template
        </Link>
      )}
    </div>
  );
}

/** /istio: every Istio object of the selected namespaces with its validation result. */
export function ConfigList(): ReactNode {
  const router = useRouter();
  const pathname = usePathname();
  const state = readListState(new URLSearchParams(useSearchParams().toString()));
  const list = useIstioListQuery(state.namespaces);
  const namespaces = useNamespacesQuery();
  const items = (list.data ?? [])
    .filter((i): i is IstioConfigItem => i.editable)
    .filter((i) => matches(i, state));
  const errors = items.filter((i) => statusOf(i.validations) === 'error').length;
  const warnings = items.filter((i) => statusOf(i.validations) === 'warning').length;

  return (
    <section className="flex flex-col gap-4">
      <PageHeader
        title="Istio config"
        actions={<ConfigActions firstNamespace={state.namespaces[0]} />}
      />
      <ListFilters
        state={state}
        namespaces={(namespaces.data ?? []).map((n) => n.name)}
        onChange={(next) => router.replace(`${pathname}${writeListState(next)}`, { scroll: false })}
      />
      {list.error && <ErrorText>Could not load the Istio config: {list.error.detail}</ErrorText>}
      {list.isPending ? (
        <p className="text-slate-600 dark:text-slate-300">Loading Istio config…</p>
      ) : (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
            {items.length} objects: {errors} with errors, {warnings} with warnings.
          </p>
          <ConfigTable items={items} />
        </>
      )}
    </section>
  );
}

function ConfigTable({ items }: { items: readonly IstioConfigItem[] }): ReactNode {
  if (items.length === 0)
    return (
      <p className="text-slate-600 dark:text-slate-300">No Istio objects match these filters.</p>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-100 text-xs tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-3 py-2">
              Kind
            </th>
            <th scope="col" className="px-3 py-2">
              Namespace
            </th>
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2">
              Validation
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white dark:divide-slate-700 dark:bg-slate-900">
          {items.map((item) => (
            <tr
              key={`${item.kind}/${item.namespace}/${item.name}`}
              data-testid="istio-row"
              data-kind={item.kind}
              data-namespace={item.namespace}
              data-name={item.name}
              data-status={statusOf(item.validations)}
            >
              <td className="px-3 py-2 whitespace-nowrap">{kindLabel(item.kind)}</td>
              <td className="px-3 py-2">
                {item.namespace === '' ? (
                  <i title="cluster-scoped: no namespace">cluster</i>
                ) : (
                  item.namespace
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <Link className={LINK} href={editorHref(item)}>
                  {item.name}
                </Link>
              </td>
              <td className="px-3 py-2">
                <ValidationSummary validations={item.validations} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
