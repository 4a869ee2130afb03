'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiFetch, type ApiProblem } from './api-fetch';
import type { NamespaceSummary } from './api-types';
import { queryKeys } from './query-keys';
import { useRefetchInterval } from './refresh-interval';

export function useNamespacesQuery(): UseQueryResult<NamespaceSummary[], ApiProblem> {
  const refetchInterval = useRefetchInterval();
  return useQuery<NamespaceSummary[], ApiProblem>({
    queryKey: queryKeys.namespaces(),
    queryFn: ({ signal }) => apiFetch<NamespaceSummary[]>('/api/namespaces', { signal }),
    refetchInterval,
  });
}
