'use client';

import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { formatEnd } from '@/lib/mesh/time/duration';
import type { Window } from '@/lib/mesh/types';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';
import { useRefetchInterval } from './refresh-interval';

export type ListResource = 'services' | 'workloads' | 'apps';

/** The window a list's rates describe and, for a past moment, its end (epoch ms; null: now). */
export interface ListTime {
  readonly window: Window;
  readonly end?: number | null | undefined;
}

/** `/api/<resource>?namespaces=…&window=…&end=…`; without a time, the server's (the last minute). */
export function listPath(
  resource: ListResource,
  namespaces: readonly string[],
  time?: ListTime,
): string {
  const search = new URLSearchParams();
  if (namespaces.length > 0) search.set('namespaces', namespaces.join(','));
  if (time !== undefined) search.set('window', time.window);
  const end = time?.end ?? undefined;
  if (end !== undefined) search.set('end', formatEnd(end));
  const query = search.toString();
  return `/api/${resource}${query === '' ? '' : `?${query}`}`;
}

/**
 * A list of the given namespaces (all for an empty list), refreshed while it ends now; a past moment
 * does not change, so it is fetched once. The rows stay while another window loads.
 */
export function useListQuery<T>(
  resource: ListResource,
  namespaces: readonly string[],
  time?: ListTime,
): UseQueryResult<T, ApiProblem> {
  const live = useRefetchInterval();
  const end = time?.end ?? undefined;
  return useQuery<T, ApiProblem>({
    queryKey: queryKeys.list(resource, namespaces, time?.window, end),
    queryFn: ({ signal }) => apiFetch<T>(listPath(resource, namespaces, time), { signal }),
    refetchInterval: end === undefined ? live : false,
    placeholderData: keepPreviousData,
  });
}
