'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { StatusResponse } from '@/lib/api/status';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';
import { useRefetchInterval } from './refresh-interval';

export function useStatusQuery(): UseQueryResult<StatusResponse, ApiProblem> {
  const refetchInterval = useRefetchInterval();
  return useQuery<StatusResponse, ApiProblem>({
    queryKey: queryKeys.status(),
    queryFn: ({ signal }) => apiFetch<StatusResponse>('/api/status', { signal }),
    refetchInterval,
  });
}
