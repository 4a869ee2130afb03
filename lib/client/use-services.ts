'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ServicesResponse } from '@/lib/api/services';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';
import { useRefetchInterval } from './refresh-interval';

/** Services of the given namespaces; all namespaces for an empty list. */
export function useServicesQuery(
  namespaces: readonly string[],
): UseQueryResult<ServicesResponse, ApiProblem> {
  const refetchInterval = useRefetchInterval();
  const query =
    namespaces.length > 0 ? `?namespaces=${namespaces.map(encodeURIComponent).join(',')}` : '';
  return useQuery<ServicesResponse, ApiProblem>({
    queryKey: queryKeys.services(namespaces),
    queryFn: ({ signal }) => apiFetch<ServicesResponse>(`/api/services${query}`, { signal }),
    refetchInterval,
  });
}
