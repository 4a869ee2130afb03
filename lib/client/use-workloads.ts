'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { WorkloadsResponse } from '@/lib/api/workloads';
import type { ApiProblem } from './api-fetch';
import { useListQuery, type ListTime } from './use-list';

/** Workloads of the given namespaces (all for an empty list), over `time` or the last minute. */
export function useWorkloadsQuery(
  namespaces: readonly string[],
  time?: ListTime,
): UseQueryResult<WorkloadsResponse, ApiProblem> {
  return useListQuery<WorkloadsResponse>('workloads', namespaces, time);
}
