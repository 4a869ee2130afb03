'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { NamespacesResponse } from '@/lib/api/namespaces';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';
import { useRefetchInterval } from './refresh-interval';

export function useNamespacesQuery(): UseQueryResult<NamespacesResponse, ApiProblem> {
  const refetchInterval = useRefetchInterval();
  return useQuery<NamespacesResponse, ApiProblem>({
    queryKey: queryKeys.namespaces(),
    queryFn: ({ signal }) => apiFetch<NamespacesResponse>('/api/namespaces', { signal }),
    refetchInterval,
  });
}
