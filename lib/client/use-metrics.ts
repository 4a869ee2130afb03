'use client';

import { skipToken, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Protocol, Window } from '@/lib/mesh/types';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys, type MetricsTarget } from './query-keys';

/** One step of an http/grpc series; rates in requests per second, errorRate 0..1. */
export interface RequestMetricsPoint {
  /** Epoch milliseconds. */
  readonly t: number;
  readonly rps2xx: number;
  readonly rps3xx: number;
  readonly rps4xx: number;
  readonly rps5xx: number;
  readonly rpsOther: number;
  readonly errorRate: number | null;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
}

export interface TcpMetricsPoint {
  /** Epoch milliseconds. */
  readonly t: number;
  readonly sentBytesPerSecond: number;
  readonly receivedBytesPerSecond: number;
}

export type MetricsResponse =
  | {
      readonly window: Window;
      readonly stepSeconds: number;
      readonly protocol: 'http' | 'grpc';
      readonly points: readonly RequestMetricsPoint[];
    }
  | {
      readonly window: Window;
      readonly stepSeconds: number;
      readonly protocol: 'tcp';
      readonly points: readonly TcpMetricsPoint[];
    };

export function metricsPath(target: MetricsTarget, window: Window): string {
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
  return `/api/metrics?${search.toString()}`;
}

/** Range series for the selected node or edge only; nothing is fetched while nothing is selected. */
export function useMetricsQuery(
  target: MetricsTarget | null,
  window: Window,
  refetchInterval: number | false,
): UseQueryResult<MetricsResponse, ApiProblem> {
  return useQuery<MetricsResponse, ApiProblem>({
    queryKey: target ? queryKeys.metrics(target, window) : ['metrics', 'none'],
    queryFn: target
      ? ({ signal }) => apiFetch<MetricsResponse>(metricsPath(target, window), { signal })
      : skipToken,
    refetchInterval,
  });
}
