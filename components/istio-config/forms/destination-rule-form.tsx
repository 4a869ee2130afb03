'use client';

import type { ReactNode } from 'react';
import { BUTTON } from '../styles';
import { SelectField, TextField } from './fields';
import type { DrFormState } from './form-state';

const LB = [
  { value: '', label: 'Default' },
  { value: 'ROUND_ROBIN', label: 'Round robin' },
  { value: 'LEAST_REQUEST', label: 'Least request' },
  { value: 'RANDOM', label: 'Random' },
  { value: 'PASSTHROUGH', label: 'Passthrough' },
] as const;
const TLS = [
  { value: '', label: 'Default (auto)' },
  { value: 'ISTIO_MUTUAL', label: 'ISTIO_MUTUAL (mesh mTLS)' },
  { value: 'DISABLE', label: 'DISABLE (plaintext)' },
  { value: 'SIMPLE', label: 'SIMPLE (TLS origination)' },
  { value: 'MUTUAL', label: 'MUTUAL (client certificates)' },
] as const;

export function DestinationRuleForm({
  state,
  onChange,
}: {
  state: DrFormState;
  onChange: (next: DrFormState) => void;
}): ReactNode {
  const set = (patch: Partial<DrFormState>): void => onChange({ ...state, ...patch });
  const setSubset = (i: number, patch: Partial<DrFormState['subsets'][number]>): void =>
    set({ subsets: state.subsets.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-base font-semibold">
        DestinationRule: subsets and traffic policy
      </legend>
      <div className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Subsets (from the workloads’ version labels)</h3>
        {state.subsets.map((s, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <TextField
              label={`Subset ${i + 1} name`}
              value={s.name}
              onChange={(name) => setSubset(i, { name })}
            />
            <TextField
              label={`Subset ${i + 1} version label`}
              value={s.version}
              onChange={(version) => setSubset(i, { version })}
            />
            <button
              type="button"
              className={BUTTON}
              onClick={() => set({ subsets: state.subsets.filter((_, j) => j !== i) })}
            >
              Remove subset {i + 1}
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            className={BUTTON}
            onClick={() => set({ subsets: [...state.subsets, { name: '', version: '' }] })}
          >
            Add subset
          </button>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <SelectField
          label="Load balancer"
          value={state.loadBalancer}
          options={LB}
          onChange={(loadBalancer) => set({ loadBalancer })}
        />
        <SelectField
          label="TLS mode"
          value={state.tlsMode}
          options={TLS}
          onChange={(tlsMode) => set({ tlsMode })}
        />
        <TextField
          label="Max connections"
          type="number"
          min={1}
          value={state.maxConnections}
          onChange={(maxConnections) => set({ maxConnections })}
        />
        <TextField
          label="Max pending HTTP/1 requests"
          type="number"
          min={1}
          value={state.http1MaxPendingRequests}
          onChange={(http1MaxPendingRequests) => set({ http1MaxPendingRequests })}
        />
        <TextField
          label="Eject after consecutive 5xx"
          type="number"
          min={1}
          value={state.consecutive5xxErrors}
          onChange={(consecutive5xxErrors) => set({ consecutive5xxErrors })}
        />
        <TextField
          label="Outlier check interval"
          placeholder="10s"
          value={state.interval}
          onChange={(interval) => set({ interval })}
        />
        <TextField
          label="Base ejection time"
          placeholder="30s"
          value={state.baseEjectionTime}
          onChange={(baseEjectionTime) => set({ baseEjectionTime })}
        />
        <TextField
          label="Max ejection %"
          type="number"
          min={0}
          max={100}
          value={state.maxEjectionPercent}
          onChange={(maxEjectionPercent) => set({ maxEjectionPercent })}
        />
      </div>
    </fieldset>
  );
}
