'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { AppsResponse } from '@/lib/api/apps';
import type { ApiProblem } from './api-fetch';
import { useListQuery, type ListTime } from './use-list';

/** Apps of the given namespaces (all for an empty list) over `time`. */
export function useAppsQuery(
  namespaces: readonly string[],
  time: ListTime,
): UseQueryResult<AppsResponse, ApiProblem> {
  return useListQuery<AppsResponse>('apps', namespaces, time);
}
