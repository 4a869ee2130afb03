'use client';

import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { TraceResponse, TracesQuery, TracesResponse } from '@/lib/api/traces';
import { formatEnd } from '@/lib/mesh/time/duration';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';

function tracesPath(params: TracesQuery): string {
  const search = new URLSearchParams({ namespace: params.namespace });
  if (params.source) search.set('source', params.source);
  if (params.target) search.set('target', params.target);
  search.set('window', params.window);
  if (params.end !== undefined) search.set('end', formatEnd(params.end));
  search.set('limit', String(params.limit));
  if (params.minDurationMs !== undefined) search.set('minDurationMs', String(params.minDurationMs));
  if (params.errorsOnly) search.set('errorsOnly', 'true');
  if (params.operation) search.set('operation', params.operation);
  search.set('sort', params.sort);
  return `/api/traces?${search.toString()}`;
}

/** The traces across an edge (or touching a node); the last list stays while a new one loads. */
export function useTracesQuery(
  params: TracesQuery | undefined,
): UseQueryResult<TracesResponse, ApiProblem> {
  return useQuery<TracesResponse, ApiProblem>({
    queryKey: queryKeys.traces(params),
    queryFn: ({ signal }) =>
      params
        ? apiFetch<TracesResponse>(tracesPath(params), { signal })
        : Promise.reject(new Error('no edge')),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
    // Traces are history: a new search only when the person asks for one.
    staleTime: 60_000,
  });
}

/** One trace; a stored trace does not change, so it is never refetched on its own. */
export function useTraceQuery(
  traceId: string | undefined,
): UseQueryResult<TraceResponse, ApiProblem> {
  return useQuery<TraceResponse, ApiProblem>({
    queryKey: queryKeys.trace(traceId ?? ''),
    queryFn: ({ signal }) =>
      apiFetch<TraceResponse>(`/api/traces/${encodeURIComponent(traceId ?? '')}`, { signal }),
    enabled: traceId !== undefined,
    staleTime: Infinity,
    retry: (count, err) => err.status >= 500 && count < 1,
  });
}
