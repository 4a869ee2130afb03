import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ApiProblem } from '@/lib/client/api-fetch';
import type { MeshGraph } from '@/lib/mesh/types';

const clock = (ms: number): string => new Date(ms).toLocaleTimeString('en-GB');

type GraphQuery = UseQueryResult<MeshGraph, ApiProblem>;

/** When the numbers on screen were true, and how big the picture is. */
export function GraphStatus({ query }: { query: GraphQuery }): ReactNode {
  const { data, isPending, isFetching, dataUpdatedAt } = query;
  if (data === undefined)
    return isPending ? <p className="text-xs text-slate-500">Loading graph…</p> : null;
  return (
    <p className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
      {data.nodes.filter((n) => n.isBox !== true).length} nodes · {data.edges.length} edges ·
      updated {clock(dataUpdatedAt)}
      {isFetching ? ' · refreshing…' : ''}
    </p>
  );
}

/**
 * A failed refresh keeps the last graph on screen (dimmed by the view) and says since when it is
 * stale and why; polling goes on, so the banner leaves by itself when the source is back.
 */
export function GraphProblem({ query }: { query: GraphQuery }): ReactNode {
  const { error, data, dataUpdatedAt } = query;
  if (error === null) return null;
  const text =
    data === undefined
      ? `Could not load the graph — ${error.detail}`
      : `Stale since ${clock(dataUpdatedAt)} — ${error.detail}`;
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
