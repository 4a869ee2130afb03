'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { SecurityResponse } from '@/lib/api/security';
import { formatEnd } from '@/lib/mesh/time/duration';
import type { Window } from '@/lib/mesh/types';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';
import { useRefetchInterval } from './refresh-interval';

/** Prefix of every security query: a PeerAuthentication written anywhere changes all of them. */
export const SECURITY_QUERY_PREFIX = ['security'] as const;

/**
 * mTLS posture and STRICT readiness of the given namespaces (all visible ones for an empty list),
 * with plaintext callers observed over `window`. The header's mesh-wide lock asks for no namespace.
 */
export function useSecurityQuery(
  namespaces: readonly string[],
  window: Window = '5m',
  options: {
    readonly enabled?: boolean;
    readonly refetchInterval?: number | false;
    /** A past moment the observed traffic ends at (epoch ms); never refreshed. */
    readonly end?: number | undefined;
  } = {},
): UseQueryResult<SecurityResponse, ApiProblem> {
  const headerInterval = useRefetchInterval();
  const refetchInterval =
    options.end === undefined ? (options.refetchInterval ?? headerInterval) : false;
  const params = new URLSearchParams({ window });
  if (namespaces.length > 0) params.set('namespaces', namespaces.join(','));
  if (options.end !== undefined) params.set('end', formatEnd(options.end));
  return useQuery<SecurityResponse, ApiProblem>({
    queryKey: queryKeys.security(namespaces, window, options.end),
    queryFn: ({ signal }) =>
      apiFetch<SecurityResponse>(`/api/security?${params.toString()}`, { signal }),
    refetchInterval,
    enabled: options.enabled ?? true,
  });
}
