'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { GraphQuery, GraphResponse } from '@/lib/api/graph';
import { apiFetch, type ApiProblem } from './api-fetch';
import { graphPath } from './graph-path';
import { queryKeys } from './query-keys';

export interface GraphQueryState {
  /** The graph to draw: the latest answer, or the last good one while requests fail. */
  readonly graph: GraphResponse | undefined;
  /** When `graph` was fetched, epoch milliseconds. */
  readonly updatedAt: number;
  readonly error: ApiProblem | null;
  readonly isPending: boolean;
  readonly isFetching: boolean;
}

/**
 * The topology graph. The canvas never blanks: the previous graph stays while another view loads
 * (keepPreviousData), and the last good one stays through failed requests — react-query drops
 * placeholder data on an error, so it is kept here — for the view to dim and call stale.
 */
export function useGraphQuery(
  params: GraphQuery,
  refetchInterval: number | false,
): GraphQueryState {
  const query = useQuery<GraphResponse, ApiProblem>({
    queryKey: queryKeys.graph(params),
    queryFn: ({ signal }) => apiFetch<GraphResponse>(graphPath(params), { signal }),
    enabled: params.namespaces.length > 0,
    placeholderData: keepPreviousData,
    refetchInterval,
    // A 503 means Prometheus is down: retrying at once only delays the stale banner; polling goes on.
    retry: false,
    // Rates change on every refresh, so deep-comparing a 600 KB answer with the last one (1000
    // services) rarely keeps anything; the canvas diffs the elements itself.
    structuralSharing: false,
  });
  const [lastGood, setLastGood] = useState<{ graph: GraphResponse; at: number } | null>(null);
  const fresh = query.isPlaceholderData ? undefined : query.data;
  if (fresh !== undefined && fresh !== lastGood?.graph)
    setLastGood({ graph: fresh, at: query.dataUpdatedAt });
  return {
    graph: query.data ?? lastGood?.graph,
    updatedAt: fresh !== undefined ? query.dataUpdatedAt : (lastGood?.at ?? 0),
    error: query.error,
    isPending: query.isPending,
    isFetching: query.isFetching,
  };
}
