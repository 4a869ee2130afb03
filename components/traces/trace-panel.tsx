'use client';

import { useMemo, useState, type ReactNode } from 'react';
import type { Endpoint } from '@/lib/mesh/traces/passes-across';
import { useTraceQuery } from '@/lib/client/use-traces';
import { formatDurationUs, formatClock } from './format-duration';
import { serviceColors } from './service-colors';
import { SpanDetail } from './span-detail';
import { TracesProblem } from './tracing-notice';
import { Waterfall } from './waterfall';
import { buildWaterfallModel } from './waterfall-model';

export interface TracePanelProps {
  readonly traceId: string;
  readonly edge: { source: Endpoint; target: Endpoint } | undefined;
  readonly edgeLabel: string | undefined;
  readonly onClose: () => void;
}

/** One trace: summary, legend with self time per service, the waterfall and the selected span. */
export function TracePanel({ traceId, edge, edgeLabel, onClose }: TracePanelProps): ReactNode {
  const query = useTraceQuery(traceId);
  const [showCritical, setShowCritical] = useState(true);
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const data = query.data;
  const model = useMemo(() => (data ? buildWaterfallModel(data, edge) : undefined), [data, edge]);
  const colors = useMemo(() => serviceColors(model?.services ?? []), [model]);

  if (query.error) return <TracesProblem status={query.error.status} detail={query.error.detail} />;
  if (!data || !model)
    return <p className="text-sm text-slate-600 dark:text-slate-300">Loading trace {traceId}…</p>;

  const root = model.tree.roots[0]?.span;
  const selectedSpan = selected === undefined ? undefined : data.trace.spans[selected];
  const errors = data.trace.spans.filter((s) => s.error).length;
  return (
    <section
      aria-labelledby="trace-title"
      className="flex flex-col gap-3"
      data-testid="trace-panel"
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="trace-title" className="text-lg font-semibold">
            {root ? `${root.service.split('.')[0]}: ${root.operation}` : traceId}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            <span className="font-mono">{traceId.slice(0, 12)}</span> ·{' '}
            {formatClock(model.startUs / 1000)} · {formatDurationUs(model.durationUs)} ·{' '}
            {data.trace.spans.length} spans · {model.services.length} services
            {errors > 0 && (
              <span className="ml-1 font-medium text-red-700 dark:text-red-400">
                · <span aria-hidden>⚠</span> {errors} error {errors === 1 ? 'span' : 'spans'}
              </span>
            )}
          </p>
        </div>
        <div className="flex items-center gap-3 text-sm">
          {data.jaegerUiUrl && (
            <a
              href={data.jaegerUiUrl}
              target="_blank"
              rel="noreferrer"
              className="text-sky-700 underline dark:text-sky-300"
            >
              Open in Jaeger UI
            </a>
          )}
          <button
            type="button"
            onClick={onClose}
            className="rounded-md border border-slate-300 px-2 py-0.5 dark:border-slate-600"
          >
            Close trace
          </button>
        </div>
      </header>
      {(data.skewAdjustments.length > 0 || model.tree.orphans.size > 0) && (
        <ul
          className="flex flex-col gap-1 text-xs text-amber-900 dark:text-amber-200"
          data-testid="trace-notices"
        >
          {data.skewAdjustments.length > 0 && (
            <li>
              Clock skew adjusted: {data.skewAdjustments.length} span
              {data.skewAdjustments.length === 1 ? '' : 's'} started before or ended after their
              caller on another host, and were moved inside it (as Jaeger does).
            </li>
          )}
          {model.tree.orphans.size > 0 && (
            <li>
              {model.tree.orphans.size} span{model.tree.orphans.size === 1 ? '' : 's'} refer to a
              parent missing from the trace and are shown at the top level.
            </li>
          )}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs" aria-label="Services">
        {data.serviceSelfTimes.map((s) => (
          <span key={s.service} className="flex items-center gap-1">
            <span
              aria-hidden
              className="size-2.5 rounded-sm"
              style={{ backgroundColor: colors.get(s.service) }}
            />
            <span className="font-medium">{s.service}</span>
            <span className="text-slate-600 dark:text-slate-300">
              self {formatDurationUs(s.selfTimeUs)}
            </span>
          </span>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-4 text-xs">
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={showCritical}
            onChange={(e) => setShowCritical(e.target.checked)}
          />
          Show critical path{' '}
          <span aria-hidden className="inline-block h-1 w-5 bg-slate-950 dark:bg-white" />
        </label>
        {edgeLabel && (
          <span data-testid="edge-summary">
            <span className="rounded bg-amber-200 px-1 font-semibold text-amber-950 dark:bg-amber-700 dark:text-amber-50">
              edge
            </span>{' '}
            {model.hopCount === 0
              ? `no call ${edgeLabel} in this trace`
              : `${model.hopCount} call${model.hopCount === 1 ? '' : 's'} ${edgeLabel} highlighted`}
          </span>
        )}
      </div>
      <Waterfall
        model={model}
        colors={colors}
        showCriticalPath={showCritical}
        selected={selected}
        onSelect={setSelected}
      />
      {selectedSpan && selected !== undefined && (
        <SpanDetail
          span={selectedSpan}
          traceStartUs={model.startUs}
          skewUs={model.skew.get(selectedSpan.spanId)}
          isOrphan={model.tree.orphans.has(selected)}
        />
      )}
    </section>
  );
}
