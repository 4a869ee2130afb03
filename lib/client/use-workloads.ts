'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { WorkloadsResponse } from '@/lib/api/workloads';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';
import { useRefetchInterval } from './refresh-interval';

/** Workloads of the given namespaces; all namespaces for an empty list. */
export function useWorkloadsQuery(
  namespaces: readonly string[],
): UseQueryResult<WorkloadsResponse, ApiProblem> {
  const refetchInterval = useRefetchInterval();
  const query =
    namespaces.length > 0 ? `?namespaces=${namespaces.map(encodeURIComponent).join(',')}` : '';
  return useQuery<WorkloadsResponse, ApiProblem>({
    queryKey: queryKeys.workloads(namespaces),
    queryFn: ({ signal }) => apiFetch<WorkloadsResponse>(`/api/workloads${query}`, { signal }),
    refetchInterval,
  });
}
