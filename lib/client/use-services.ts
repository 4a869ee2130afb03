'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { ServicesResponse } from '@/lib/api/services';
import type { ApiProblem } from './api-fetch';
import { useListQuery, type ListTime } from './use-list';

/** Services of the given namespaces (all for an empty list), over `time` or the last minute. */
export function useServicesQuery(
  namespaces: readonly string[],
  time?: ListTime,
): UseQueryResult<ServicesResponse, ApiProblem> {
  return useListQuery<ServicesResponse>('services', namespaces, time);
}
