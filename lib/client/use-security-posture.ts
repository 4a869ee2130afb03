'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { SecurityResponse } from '@/lib/api/security';
import type { Window } from '@/lib/mesh/types';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';

export interface SecurityPostureParams {
  readonly namespaces: readonly string[];
  readonly window: Window;
}

/**
 * GET /api/security for the authorization views (graph overlay, panels, least-privilege form). The
 * key is shared with every other reader of the same namespaces and window, so the graph, its side
 * panel and the form ask the server once.
 */
export function useSecurityPostureQuery(
  params: SecurityPostureParams,
  options: { readonly enabled?: boolean; readonly refetchInterval?: number | false } = {},
): UseQueryResult<SecurityResponse, ApiProblem> {
  const search = new URLSearchParams({
    namespaces: params.namespaces.join(','),
    window: params.window,
  });
  return useQuery<SecurityResponse, ApiProblem>({
    queryKey: queryKeys.security(params.namespaces, params.window),
    queryFn: ({ signal }) =>
      apiFetch<SecurityResponse>(`/api/security?${search.toString()}`, { signal }),
    enabled: (options.enabled ?? true) && params.namespaces.length > 0,
    refetchInterval: options.refetchInterval ?? false,
    retry: false,
  });
}
