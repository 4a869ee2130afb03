'use client';

import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { BreakdownResponse } from '@/lib/api/metrics';
import type { BreakdownBy, Direction, ReporterChoice } from '@/lib/mesh/metrics/breakdown';
import { formatEnd } from '@/lib/mesh/time/duration';
import type { Window } from '@/lib/mesh/types';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';

export interface BreakdownParams {
  readonly node: string;
  readonly direction: Direction;
  readonly by: BreakdownBy;
  readonly reporter: ReporterChoice;
  readonly window: Window;
  /** A past moment (epoch ms); undefined when live. */
  readonly end?: number | undefined;
}

export function breakdownPath(p: BreakdownParams): string {
  const search = new URLSearchParams({
    node: p.node,
    direction: p.direction,
    by: p.by,
    reporter: p.reporter,
    window: p.window,
  });
  if (p.end !== undefined) search.set('end', formatEnd(p.end));
  return `/api/metrics?${search.toString()}`;
}

/** A node's golden metrics split into groups; a past moment is fetched once, a live one refreshed. */
export function useBreakdownQuery(
  params: BreakdownParams,
  refetchInterval: number | false,
): UseQueryResult<BreakdownResponse, ApiProblem> {
  return useQuery<BreakdownResponse, ApiProblem>({
    queryKey: queryKeys.breakdown(params),
    queryFn: ({ signal }) => apiFetch<BreakdownResponse>(breakdownPath(params), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: params.end === undefined ? refetchInterval : false,
    retry: false,
  });
}
