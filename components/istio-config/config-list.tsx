'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import type { ConfigListItem } from '@/lib/api/istio';
import { useIstioListQuery } from '@/lib/client/use-istio-config';
import { useNamespacesQuery } from '@/lib/client/use-namespaces';
import { mayWriteAnywhere, noWritesReason } from '@/lib/mesh/access/write-permission';
import { ISTIO_KIND_NAMES } from '@/lib/mesh/istio/kinds';
import { ErrorText } from '@/components/ui/problem-alert';
import { PageHeader } from '@/components/ui/page-header';
import { ListFilters } from './list-filters';
import { ConfigTable, rowStatus } from './config-rows';
import { PRIMARY_BUTTON, BUTTON } from './styles';
import { readListState, writeListState, type ListUrlState } from './url-state';
import { useWriteSession } from './use-write-access';

function matches(item: ConfigListItem, state: ListUrlState): boolean {
  if (state.kind !== 'all' && item.kind !== state.kind) return false;
  return state.status === 'all' || rowStatus(item) === state.status;
}

/** The kinds of the rows Meshlens does not edit, for the kind filter: checked ones, then the rest. */
function otherKinds(items: readonly ConfigListItem[]): { checked: string[]; unchecked: string[] } {
  const checked = new Set<string>();
  const unchecked = new Set<string>();
  for (const item of items) if (!item.editable) (item.checked ? checked : unchecked).add(item.kind);
  return { checked: [...checked].sort(), unchecked: [...unchecked].sort() };
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
  const all = list.data ?? [];
  const items = all.filter((i) => matches(i, state));
  const count = (status: string): number => items.filter((i) => rowStatus(i) === status).length;

  return (
    <section className="flex flex-col gap-4">
      <PageHeader
        title="Istio config"
        actions={<ConfigActions firstNamespace={state.namespaces[0]} />}
      />
      <ListFilters
        state={state}
        namespaces={(namespaces.data ?? []).map((n) => n.name)}
        otherKinds={otherKinds(all)}
        onChange={(next) => router.replace(`${pathname}${writeListState(next)}`, { scroll: false })}
      />
      {list.error && <ErrorText>Could not load the Istio config: {list.error.detail}</ErrorText>}
      {list.isPending ? (
        <p className="text-slate-600 dark:text-slate-300">Loading Istio config…</p>
      ) : (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
            {items.length} objects: {count('error')} with errors, {count('warning')} with warnings,{' '}
            {count('unchecked')} not checked.
          </p>
          <ConfigTable items={items} />
        </>
      )}
    </section>
  );
}
