'use client';

import type { ReactNode } from 'react';
import { WEIGHT_RULE_HELP } from '@/lib/mesh/traffic/weights';
import { BUTTON } from '../styles';
import { SelectField, TextField } from './fields';
import type { HeaderRouteState, VsFormState } from './form-state';

const MATCHES = [
  { value: 'exact', label: 'equals' },
  { value: 'prefix', label: 'starts with' },
  { value: 'regex', label: 'matches regex (RE2)' },
] as const;

export function VirtualServiceForm({
  state,
  subsets,
  onChange,
}: {
  state: VsFormState;
  subsets: readonly string[];
  onChange: (next: VsFormState) => void;
}): ReactNode {
  const set = (patch: Partial<VsFormState>): void => onChange({ ...state, ...patch });
  const subsetOptions = subsets.map((s) => ({ value: s, label: s }));
  const setRoute = (i: number, patch: Partial<HeaderRouteState>): void =>
    set({ headerRoutes: state.headerRoutes.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-base font-semibold">
        VirtualService: routes, timeouts, retries, faults
      </legend>
      <p className="text-xs text-slate-600 dark:text-slate-400">{WEIGHT_RULE_HELP}</p>
      <div className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Route by header (first match wins)</h3>
        {state.headerRoutes.map((r, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <TextField
              label={`Rule ${i + 1} header`}
              placeholder="end-user"
              value={r.header}
              onChange={(header) => setRoute(i, { header })}
            />
            <SelectField
              label={`Rule ${i + 1} match`}
              value={r.match}
              options={MATCHES}
              onChange={(match) => setRoute(i, { match })}
            />
            <TextField
              label={`Rule ${i + 1} value`}
              value={r.value}
              onChange={(value) => setRoute(i, { value })}
            />
            <SelectField
              label={`Rule ${i + 1} to subset`}
              value={r.subset}
              options={subsetOptions}
              onChange={(subset) => setRoute(i, { subset })}
            />
            <button
              type="button"
              className={BUTTON}
              onClick={() => set({ headerRoutes: state.headerRoutes.filter((_, j) => j !== i) })}
            >
              Remove rule {i + 1}
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            className={BUTTON}
            disabled={subsets.length === 0}
            onClick={() =>
              set({
                headerRoutes: [
                  ...state.headerRoutes,
                  { header: '', match: 'exact', value: '', subset: subsets[0] ?? '' },
                ],
              })
            }
          >
            Add header rule
          </button>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <SelectField
          label="Everything else goes to"
          value={state.defaultSubset}
          options={[{ value: '', label: 'All pods (no subset)' }, ...subsetOptions]}
          onChange={(defaultSubset) => set({ defaultSubset })}
        />
        <TextField
          label="Request timeout"
          placeholder="3s"
          value={state.timeout}
          onChange={(timeout) => set({ timeout })}
        />
        <TextField
          label="Retry attempts"
          type="number"
          min={0}
          value={state.attempts}
          onChange={(attempts) => set({ attempts })}
        />
        <TextField
          label="Per-try timeout"
          placeholder="1s"
          value={state.perTryTimeout}
          onChange={(perTryTimeout) => set({ perTryTimeout })}
        />
        <TextField
          label="Retry on"
          placeholder="5xx,connect-failure"
          hint="Envoy conditions, comma-separated"
          value={state.retryOn}
          onChange={(retryOn) => set({ retryOn })}
        />
        <TextField
          label="Abort: % of requests"
          type="number"
          min={0}
          max={100}
          value={state.abortPercent}
          onChange={(abortPercent) => set({ abortPercent })}
        />
        <TextField
          label="Abort: HTTP status"
          type="number"
          min={200}
          max={599}
          placeholder="503"
          value={state.abortStatus}
          onChange={(abortStatus) => set({ abortStatus })}
        />
        <TextField
          label="Delay: % of requests"
          type="number"
          min={0}
          max={100}
          value={state.delayPercent}
          onChange={(delayPercent) => set({ delayPercent })}
        />
        <TextField
          label="Delay: fixed delay"
          placeholder="2s"
          value={state.fixedDelay}
          onChange={(fixedDelay) => set({ fixedDelay })}
        />
      </div>
    </fieldset>
  );
}
