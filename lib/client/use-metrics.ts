'use client';

import { skipToken, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { MetricsResponse } from '@/lib/api/metrics';
import type { Protocol, Window } from '@/lib/mesh/types';
import { formatEnd } from '@/lib/mesh/time/duration';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys, type MetricsTarget } from './query-keys';

/** The window and, for a past moment, its end (epoch ms). */
export interface MetricsTime {
  readonly window: Window;
  readonly end?: number | undefined;
}

export function metricsPath(target: MetricsTarget, { window, end }: MetricsTime): string {
  const search =
    target.kind === 'node'
      ? new URLSearchParams({ node: target.node, type: target.type, window })
      : new URLSearchParams({
          namespace: target.namespace,
          source: target.source,
          target: target.target,
          protocol: target.protocol satisfies Protocol,
          type: target.type,
          window,
        });
  if (target.kind === 'node' && target.protocol !== undefined)
    search.set('protocol', target.protocol);
  if (end !== undefined) search.set('end', formatEnd(end));
  return `/api/metrics?${search.toString()}`;
}

/** Range series for the selected node or edge only; nothing is fetched while nothing is selected. */
export function useMetricsQuery(
  target: MetricsTarget | null,
  time: MetricsTime,
  refetchInterval: number | false,
): UseQueryResult<MetricsResponse, ApiProblem> {
  return useQuery<MetricsResponse, ApiProblem>({
    queryKey: target ? queryKeys.metrics(target, time.window, time.end) : ['metrics', 'none'],
    queryFn: target
      ? ({ signal }) => apiFetch<MetricsResponse>(metricsPath(target, time), { signal })
      : skipToken,
    refetchInterval: time.end === undefined ? refetchInterval : false,
  });
}
