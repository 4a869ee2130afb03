'use client';

import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { NamespacesQuery, NamespacesResponse } from '@/lib/api/namespaces';
import { formatEnd } from '@/lib/mesh/time/duration';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';
import { useRefetchInterval } from './refresh-interval';

/** The namespace cards; with a time, their rates over it (a past moment is never refreshed). */
export function useNamespacesQuery(
  time?: NamespacesQuery,
): UseQueryResult<NamespacesResponse, ApiProblem> {
  const liveInterval = useRefetchInterval();
  const search = new URLSearchParams();
  if (time) search.set('window', time.window);
  if (time?.end !== undefined) search.set('end', formatEnd(time.end));
  const query = search.toString();
  return useQuery<NamespacesResponse, ApiProblem>({
    queryKey: queryKeys.namespaces(time),
    queryFn: ({ signal }) =>
      apiFetch<NamespacesResponse>(`/api/namespaces${query ? `?${query}` : ''}`, { signal }),
    placeholderData: time ? keepPreviousData : undefined,
    refetchInterval: time?.end !== undefined ? false : liveInterval,
  });
}
