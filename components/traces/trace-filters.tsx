'use client';

import { useState, type ReactNode } from 'react';
import type { UpdateTracesView } from './use-traces-view-state';
import { TimeControls } from '@/components/ui/time-controls';
import { TRACE_LIMITS, type TracesViewState } from './url-state';

export interface TraceFiltersProps {
  readonly view: TracesViewState;
  readonly operations: readonly string[];
  readonly onChange: UpdateTracesView;
}

const FIELD =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';
const LABEL = 'flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300';

/** Window, duration, errors, operation, limit and order of the trace search. */
export function TraceFilters({ view, operations, onChange }: TraceFiltersProps): ReactNode {
  return (
    <form
      aria-label="Trace filters"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="self-center">
        <TimeControls window={view.window} end={view.end} onChange={onChange} />
      </div>
      <TextFilter
        key={`min-${view.minDurationMs ?? ''}`}
        label="Min duration (ms)"
        value={view.minDurationMs?.toString() ?? ''}
        width="w-28"
        inputMode="decimal"
        onCommit={(text) => {
          const n = Number(text);
          onChange({ minDurationMs: text !== '' && Number.isFinite(n) && n >= 0 ? n : undefined });
        }}
      />
      <TextFilter
        key={`op-${view.operation}`}
        label="Operation"
        value={view.operation}
        width="w-72"
        list="trace-operations"
        onCommit={(text) => onChange({ operation: text })}
      />
      <datalist id="trace-operations">
        {operations.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <label className={LABEL}>
        Limit
        <select
          className={FIELD}
          value={view.limit}
          onChange={(e) => onChange({ limit: Number(e.target.value) })}
        >
          {[...new Set([...TRACE_LIMITS, view.limit])]
            .sort((a, b) => a - b)
            .map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
        </select>
      </label>
      <label className={LABEL}>
        Order
        <select
          className={FIELD}
          value={view.sort}
          onChange={(e) => onChange({ sort: e.target.value === 'slowest' ? 'slowest' : 'newest' })}
        >
          <option value="newest">Newest first</option>
          <option value="slowest">Slowest first</option>
        </select>
      </label>
      <label className="flex items-center gap-2 pb-1 text-sm">
        <input
          type="checkbox"
          checked={view.errorsOnly}
          onChange={(e) => onChange({ errorsOnly: e.target.checked })}
        />
        Errors only
      </label>
      <button type="submit" className="sr-only">
        Apply filters
      </button>
    </form>
  );
}

interface TextFilterProps {
  readonly label: string;
  readonly value: string;
  readonly width: string;
  readonly inputMode?: 'decimal';
  readonly list?: string;
  readonly onCommit: (text: string) => void;
}

/** A text field that applies on Enter or blur, not per key: each change is a Jaeger search. */
function TextFilter({
  label,
  value,
  width,
  inputMode,
  list,
  onCommit,
}: TextFilterProps): ReactNode {
  const [draft, setDraft] = useState(value);
  const commit = (): void => {
    if (draft.trim() !== value) onCommit(draft.trim());
  };
  return (
    <label className={LABEL}>
      {label}
      <input
        className={`${FIELD} ${width}`}
        value={draft}
        placeholder="any"
        {...(inputMode ? { inputMode } : {})}
        {...(list ? { list } : {})}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
