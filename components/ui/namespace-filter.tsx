'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { useNamespacesQuery } from '@/lib/client/use-namespaces';
import { useSecurityQuery } from '@/lib/client/use-security';
import { modeLabel } from './security/mtls-words';

/** `?namespaces=a,b` in the URL, so a filtered list can be linked to; other parameters are kept. */
export function useNamespaceFilter(): [string[], (namespaces: string[]) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const selected = (params.get('namespaces') ?? '').split(',').filter(Boolean);
  const set = (namespaces: string[]): void => {
    const next = new URLSearchParams(params);
    if (namespaces.length > 0) next.set('namespaces', namespaces.join(','));
    else next.delete('namespaces');
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname);
  };
  return [selected, set];
}

export interface NamespaceSelectProps {
  readonly selected: readonly string[];
  readonly onChange: (namespaces: string[]) => void;
}

/**
 * One namespace or all; a multi-namespace selection from a link is kept as its own option. Each
 * option names the namespace's mTLS mode (the header's query, so no request of its own).
 */
export function NamespaceSelect({ selected, onChange }: NamespaceSelectProps): ReactNode {
  const namespaces = useNamespacesQuery();
  const security = useSecurityQuery([]);
  const modes = new Map(security.data?.namespaces.map((ns) => [ns.name, ns.mode]));
  return (
    <label className="flex items-center gap-2 text-sm">
      Namespace
      <select
        value={
          selected.length === 1 ? selected[0] : selected.length === 0 ? '' : selected.join(',')
        }
        onChange={(e) => onChange(e.target.value ? e.target.value.split(',') : [])}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
      >
        <option value="">All namespaces</option>
        {selected.length > 1 ? (
          <option value={selected.join(',')}>{selected.join(', ')}</option>
        ) : null}
        {(namespaces.data ?? []).map((ns) => (
          <option key={ns.name} value={ns.name}>
            {ns.name}
            {modes.has(ns.name) ? ` · mTLS ${modeLabel(modes.get(ns.name) ?? 'UNSET')}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
