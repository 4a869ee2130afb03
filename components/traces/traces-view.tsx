'use client';

import { useMemo, type ReactNode } from 'react';
import { useTracesQuery } from '@/lib/client/use-traces';
import { EdgePicker } from './edge-picker';
import { TraceFilters } from './trace-filters';
import { TracePanel } from './trace-panel';
import { TracesScatter } from './traces-scatter';
import { TracesTable } from './traces-table';
import { TracesProblem, TracingNotConfigured } from './tracing-notice';
import { hrefWith, useTracesViewState } from './use-traces-view-state';
import { describeScope, tracesQueryOf } from './url-state';
import { endpointOf } from './waterfall-model';

/** /traces: the traces behind a graph edge (or node), and the one opened from them. */
export function TracesView(): ReactNode {
  const [view, update] = useTracesViewState();
  const params = useMemo(() => tracesQueryOf(view), [view]);
  const query = useTracesQuery(params);
  const edge = useMemo(
    () =>
      view.namespace && view.source && view.target
        ? {
            source: endpointOf(view.namespace, view.source),
            target: endpointOf(view.namespace, view.target),
          }
        : undefined,
    [view.namespace, view.source, view.target],
  );
  const open = (traceId: string): void =>
    update({ trace: traceId }, view.trace ? 'replace' : 'push');
  const data = query.data;

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">{describeScope(view)}</h1>
        {params && data?.tracing.configured && (
          <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
            {query.isFetching
              ? 'Searching Jaeger…'
              : `${data.traces.length} trace${data.traces.length === 1 ? '' : 's'} in the last ${view.window}, from ${data.searched.traces} searched in ${data.searched.services.join(', ') || 'Jaeger'}`}
          </p>
        )}
      </header>
      {!params ? (
        <EdgePicker view={view} onChange={update} />
      ) : data && !data.tracing.configured ? (
        <TracingNotConfigured />
      ) : (
        <>
          <TraceFilters view={view} operations={data?.operations ?? []} onChange={update} />
          {query.error && <TracesProblem status={query.error.status} detail={query.error.detail} />}
          <div className="grid gap-6 xl:grid-cols-[34rem_minmax(0,1fr)]">
            <section aria-label="Trace list" className="flex min-w-0 flex-col gap-3">
              {query.isPending ? (
                <p className="text-sm text-slate-600 dark:text-slate-300">Searching Jaeger…</p>
              ) : data && data.traces.length === 0 ? (
                <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="no-traces">
                  No traces{' '}
                  {view.source && view.target ? `from ${view.source} to ${view.target}` : ''} in the
                  last {view.window} match. Widen the window, or relax the filters; Jaeger keeps
                  only sampled requests.
                </p>
              ) : data ? (
                <>
                  <TracesScatter
                    traces={data.traces}
                    selected={view.trace}
                    onSelect={open}
                    width={528}
                  />
                  <TracesTable
                    traces={data.traces}
                    selected={view.trace}
                    hrefOf={(id) => hrefWith(view, { trace: id })}
                    onSelect={open}
                  />
                </>
              ) : null}
            </section>
            <div className="min-w-0">
              {view.trace ? (
                <TracePanel
                  key={view.trace}
                  traceId={view.trace}
                  edge={edge}
                  edgeLabel={edge ? `${view.source} → ${view.target}` : undefined}
                  onClose={() => update({ trace: undefined })}
                />
              ) : (
                data &&
                data.traces.length > 0 && (
                  <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
                    Open a trace from the plot or the list to see its spans.
                  </p>
                )
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}
