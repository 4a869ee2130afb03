'use client';

import type { ReactNode } from 'react';
import { ISTIO_KIND_NAMES, kindLabel } from '@/lib/mesh/istio/kinds';
import { INPUT } from './styles';
import { STATUS_FILTERS, type ListUrlState, type StatusFilter } from './url-state';

const STATUS_LABELS: Readonly<Record<StatusFilter, string>> = {
  all: 'Any status',
  error: 'Errors',
  warning: 'Warnings',
  info: 'Information only',
  valid: 'Valid',
  unchecked: 'Not checked',
};

function KindGroup({ label, kinds }: { label: string; kinds: readonly string[] }): ReactNode {
  if (kinds.length === 0) return null;
  return (
    <optgroup label={label}>
      {kinds.map((k) => (
        <option key={k} value={k}>
          {k}
        </option>
      ))}
    </optgroup>
  );
}

export interface ListFiltersProps {
  readonly state: ListUrlState;
  readonly namespaces: readonly string[];
  /** Kinds of the listed objects Meshlens does not edit: with findings, and never checked. */
  readonly otherKinds: {
    readonly checked: readonly string[];
    readonly unchecked: readonly string[];
  };
  readonly onChange: (next: ListUrlState) => void;
}

export function ListFilters({
  state,
  namespaces,
  otherKinds,
  onChange,
}: ListFiltersProps): ReactNode {
  const toggleNamespace = (ns: string): void => {
    const selected = new Set(state.namespaces);
    if (selected.has(ns)) selected.delete(ns);
    else selected.add(ns);
    onChange({ ...state, namespaces: namespaces.filter((n) => selected.has(n)) });
  };
  return (
    <div className="flex flex-wrap items-end gap-4">
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-300">
          Namespaces {state.namespaces.length === 0 && '(all)'}
        </legend>
        {namespaces.map((ns) => (
          <label
            key={ns}
            className="inline-flex items-center gap-1 rounded-full border border-slate-300 px-2 py-0.5 text-sm has-[:checked]:border-sky-600 has-[:checked]:bg-sky-50 dark:border-slate-600 dark:has-[:checked]:bg-sky-950"
          >
            <input
              type="checkbox"
              checked={state.namespaces.includes(ns)}
              onChange={() => toggleNamespace(ns)}
            />
            {ns}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col text-xs font-semibold text-slate-700 dark:text-slate-300">
        Kind
        <select
          className={INPUT}
          value={state.kind}
          onChange={(e) => onChange({ ...state, kind: e.target.value as ListUrlState['kind'] })}
        >
          <option value="all">All kinds</option>
          <optgroup label="Istio and Gateway API">
            {ISTIO_KIND_NAMES.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </optgroup>
          <KindGroup label="Kubernetes objects with findings" kinds={otherKinds.checked} />
          <KindGroup label="Not checked by Meshlens" kinds={otherKinds.unchecked} />
        </select>
      </label>
      <label className="flex flex-col text-xs font-semibold text-slate-700 dark:text-slate-300">
        Status
        <select
          className={INPUT}
          value={state.status}
          onChange={(e) => onChange({ ...state, status: e.target.value as StatusFilter })}
        >
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
