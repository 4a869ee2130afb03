import type { ReactNode } from 'react';
import type { GraphQueryState } from '@/lib/client/use-graph';

const clock = (ms: number): string => new Date(ms).toLocaleTimeString('en-GB');

/** When the numbers on screen were true, and how big the picture is. */
export function GraphStatus({
  state,
  end,
}: {
  state: GraphQueryState;
  /** The past moment the view shows (epoch ms); null when live. */
  end: number | null;
}): ReactNode {
  const { graph, isPending, isFetching, updatedAt } = state;
  if (graph === undefined)
    return isPending ? <p className="text-xs text-slate-500">Loading graph…</p> : null;
  return (
    <p className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
      {graph.nodes.filter((n) => !('isBox' in n) || n.isBox !== true).length} nodes ·{' '}
      {graph.edges.length} edges ·{' '}
      {end === null ? `updated ${clock(updatedAt)}` : `as of ${clock(end)}, not refreshed`}
      {isFetching ? ' · refreshing…' : ''}
    </p>
  );
}

/**
 * A partly answered graph says which numbers are missing rather than drawing them as zeros. A failed
 * request keeps the last graph on screen (dimmed by the view) and says since when it is
 * stale and why; polling goes on, so the banner leaves by itself when the source is back.
 */
export function GraphProblem({ state }: { state: GraphQueryState }): ReactNode {
  const { error, graph, updatedAt } = state;
  const warnings = graph?.warnings ?? [];
  if (error === null && warnings.length === 0) return null;
  const text =
    error === null
      ? `Partial graph — ${warnings.join('; ')}`
      : graph === undefined
        ? `Could not load the graph — ${error.detail}`
        : `Stale since ${clock(updatedAt)} — ${error.detail}`;
  return (
    <p
      role="alert"
      data-testid="graph-problem"
      className="absolute top-2 left-1/2 z-10 max-w-[80%] -translate-x-1/2 rounded-md border border-amber-400 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 shadow-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      {text}
    </p>
  );
}
