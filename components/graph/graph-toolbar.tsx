'use client';

import { useId, useState, type ReactNode } from 'react';
import { TimeControls } from '@/components/ui/time-controls';
import { AMBIENT_VIEWS, GRAPH_TYPES, type AmbientView, type GraphType } from '@/lib/mesh/types';
import { FILTER_SYNTAX_HINT, type ParsedFilter } from './filter-expr';
import { Legend } from './legend';
import { NamespacePicker } from './namespace-picker';
import {
  EDGE_LABEL_MODES,
  GRAPH_REFRESH_CHOICES,
  type EdgeLabelMode,
  type GraphRefresh,
  type GraphViewState,
} from './url-state';
import type { UpdateGraphView } from './use-graph-view-state';

const TYPE_NAMES: Readonly<Record<GraphType, string>> = {
  workload: 'Workloads',
  app: 'Apps',
  versionedApp: 'Versioned apps',
  service: 'Services',
};

const LABEL_NAMES: Readonly<Record<EdgeLabelMode, string>> = {
  none: 'None',
  rate: 'Request rate',
  error: 'Error %',
  p95: 'p95 latency',
  mtls: 'mTLS',
};

const AMBIENT_NAMES: Readonly<Record<AmbientView, string>> = {
  total: 'Total (caller → callee)',
  waypoint: 'Through waypoints',
  ztunnel: 'ztunnel only (L4)',
};

const REFRESH_NAMES: Readonly<Record<Exclude<GraphRefresh, 'default'>, string>> = {
  off: 'Off',
  '10s': '10 s',
  '30s': '30 s',
  '1m': '1 min',
};

export const CONTROL =
  'rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:border-slate-600 dark:bg-slate-900';
const LABEL = 'flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300';

function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  names: (value: T) => string;
  onChange: (value: T) => void;
}): ReactNode {
  const id = useId();
  return (
    <div className={LABEL}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        className={CONTROL}
        onChange={(e) => {
          const value = props.options.find((o) => o === e.target.value);
          if (value !== undefined) props.onChange(value);
        }}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.names(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Toggle(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): ReactNode {
  return (
    <label className={LABEL}>
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        className="accent-sky-600"
      />
      {props.label}
    </label>
  );
}

function FilterInput(props: {
  label: string;
  value: string;
  filter: ParsedFilter;
  placeholder: string;
  hintId: string;
  onChange: (value: string) => void;
}): ReactNode {
  const id = useId();
  const errorId = useId();
  const hasErrors = props.filter.errors.length > 0;
  return (
    <div className={`${LABEL} relative`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="search"
        value={props.value}
        placeholder={props.placeholder}
        aria-describedby={hasErrors ? `${errorId} ${props.hintId}` : props.hintId}
        aria-invalid={hasErrors}
        onChange={(e) => props.onChange(e.target.value)}
        className={`${CONTROL} w-40 ${hasErrors ? 'border-red-500' : ''}`}
      />
      {hasErrors ? (
        <span
          id={errorId}
          className="absolute top-full left-0 z-10 mt-0.5 text-red-700 dark:text-red-300"
        >
          {props.filter.errors.join('; ')}
        </span>
      ) : null}
    </div>
  );
}

export interface GraphToolbarProps {
  readonly view: GraphViewState;
  readonly update: UpdateGraphView;
  readonly allNamespaces: readonly string[];
  readonly namespaces: readonly string[];
  /** The header's refresh preference, which `default` follows. */
  readonly defaultRefreshMs: number;
  readonly find: ParsedFilter;
  readonly hide: ParsedFilter;
  /** The graph shows nodes of more than one cluster: cluster boxes are worth offering. */
  readonly multiCluster?: boolean;
}

export function GraphToolbar(props: GraphToolbarProps): ReactNode {
  const { view, update, find, hide } = props;
  const [isLegendOpen, setIsLegendOpen] = useState(false);
  const hintId = useId();
  const legendId = useId();
  const defaultRefresh =
    props.defaultRefreshMs > 0 ? `${props.defaultRefreshMs / 1000} s` : 'paused';
  return (
    <div role="toolbar" aria-label="Graph options" className="relative flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <NamespacePicker
          all={props.allNamespaces}
          selected={props.namespaces}
          onChange={(namespaces) => update({ namespaces })}
        />
        <Select
          label="Graph"
          value={view.type}
          options={GRAPH_TYPES}
          names={(t) => TYPE_NAMES[t]}
          onChange={(type) => update({ type, selected: null })}
        />
        <TimeControls window={view.window} end={view.end} onChange={update} />
        {view.end === null ? (
          <Select
            label="Refresh graph"
            value={view.refresh}
            options={GRAPH_REFRESH_CHOICES}
            names={(r) => (r === 'default' ? `Default (${defaultRefresh})` : REFRESH_NAMES[r])}
            onChange={(refresh) => update({ refresh })}
          />
        ) : (
          <span className={LABEL}>Refresh: off, a past moment does not change</span>
        )}
        <Select
          label="Edge labels"
          value={view.labels}
          options={EDGE_LABEL_MODES}
          names={(l) => LABEL_NAMES[l]}
          onChange={(labels) => update({ labels })}
        />
        <Toggle label="Idle nodes" checked={view.idle} onChange={(on) => update({ idle: on })} />
        <Select
          label="Ambient traffic"
          value={view.ambient}
          options={AMBIENT_VIEWS}
          names={(a) => AMBIENT_NAMES[a]}
          onChange={(ambient) => update({ ambient, selected: null })}
        />
        <Toggle
          label="Traffic animation"
          checked={view.animate}
          onChange={(on) => update({ animate: on })}
        />
        <Toggle
          label="Authorization"
          checked={view.authz}
          onChange={(on) => update({ authz: on })}
        />
        {props.multiCluster === true && (
          <Toggle
            label="Cluster boxes"
            checked={view.clusters}
            onChange={(on) => update({ clusters: on })}
          />
        )}
        <FilterInput
          label="Find"
          value={view.find}
          filter={find}
          placeholder="reviews health:failing"
          hintId={hintId}
          onChange={(value) => update({ find: value })}
        />
        <FilterInput
          label="Hide"
          value={view.hide}
          filter={hide}
          placeholder="kind:service"
          hintId={hintId}
          onChange={(value) => update({ hide: value })}
        />
        <button
          type="button"
          aria-expanded={isLegendOpen}
          aria-controls={legendId}
          onClick={() => setIsLegendOpen((open) => !open)}
          className={`${CONTROL} font-medium`}
        >
          Legend
        </button>
      </div>
      <p id={hintId} className="text-[11px] text-slate-500 dark:text-slate-400">
        Find and hide: {FILTER_SYNTAX_HINT}
      </p>
      {isLegendOpen ? <Legend id={legendId} onClose={() => setIsLegendOpen(false)} /> : null}
    </div>
  );
}
