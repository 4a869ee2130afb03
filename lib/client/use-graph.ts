'use client';

import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { MeshGraph } from '@/lib/mesh/types';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys, type GraphQueryParams } from './query-keys';

export function graphPath(params: GraphQueryParams): string {
  const search = new URLSearchParams({
    namespaces: params.namespaces.join(','),
    type: params.type,
    window: params.window,
    idle: String(params.idle),
  });
  return `/api/graph?${search.toString()}`;
}

/**
 * The topology graph. The previous graph stays as data while a new key loads and after a failed
 * refetch, so the canvas never blanks: the view dims it and says since when it is stale.
 */
export function useGraphQuery(
  params: GraphQueryParams,
  refetchInterval: number | false,
): UseQueryResult<MeshGraph, ApiProblem> {
  return useQuery<MeshGraph, ApiProblem>({
    queryKey: queryKeys.graph(params),
    queryFn: ({ signal }) => apiFetch<MeshGraph>(graphPath(params), { signal }),
    enabled: params.namespaces.length > 0,
    placeholderData: keepPreviousData,
    refetchInterval,
    // A 503 means Prometheus is down: retrying at once only delays the stale banner; polling continues.
    retry: false,
  });
}
