'use client';

import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import type {
  TrafficResponse,
  UpdateWeightsBody,
  UpdateWeightsResponse,
  WeightsConflict,
} from '@/lib/api/traffic';
import { formatEnd } from '@/lib/mesh/time/duration';
import type { Window } from '@/lib/mesh/types';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';
import { useRefetchInterval } from './refresh-interval';

/** The body, and whether to ask for a preview (`?dryRun=true`) rather than a write. */
export type UpdateWeightsVariables = UpdateWeightsBody & {
  readonly route: number;
  readonly dryRun: boolean;
};

/** A refetch this often makes a weight change visibly converge; the user's pause still wins. */
const LIVE_MS = 3_000;

const path = (namespace: string, service: string): string =>
  `/api/traffic/${encodeURIComponent(namespace)}/${encodeURIComponent(service)}`;

/** A window other than the split's own minute, ending now (`end` undefined) or at a past moment. */
export interface TrafficRange {
  readonly window: Window;
  readonly end?: number | undefined;
}

function rangePath(namespace: string, service: string, range: TrafficRange | undefined): string {
  if (range === undefined) return path(namespace, service);
  const search = new URLSearchParams({ window: range.window });
  if (range.end !== undefined) search.set('end', formatEnd(range.end));
  return `${path(namespace, service)}?${search.toString()}`;
}

/** The split, live; with a range, its observed side and routing changes over that range. */
export function useTrafficQuery(
  namespace: string,
  service: string,
  range?: TrafficRange,
): UseQueryResult<TrafficResponse, ApiProblem> {
  const interval = useRefetchInterval();
  const past = range?.end !== undefined;
  return useQuery<TrafficResponse, ApiProblem>({
    queryKey: queryKeys.traffic(namespace, service, range),
    queryFn: ({ signal }) =>
      apiFetch<TrafficResponse>(rangePath(namespace, service, range), { signal }),
    refetchInterval: interval === false || past ? false : Math.min(interval, LIVE_MS),
  });
}

/** The conflict details of a 409 from the weights PUT, if that is what `error` is. */
export function weightsConflictOf(error: ApiProblem | null): WeightsConflict | undefined {
  if (error?.status !== 409) return undefined;
  const current = error.body.current;
  if (typeof current !== 'object' || current === null) return undefined;
  return current as WeightsConflict;
}

/**
 * PUT the weights of one route (dry run for the preview). On a real write the new resourceVersion goes
 * into the cache at once, so a follow-up edit is not refused as stale, and the traffic and graph
 * queries refetch; the observed split is never faked, it converges as Prometheus sees it.
 */
export function useUpdateTrafficWeightsMutation(
  namespace: string,
  service: string,
): UseMutationResult<UpdateWeightsResponse, ApiProblem, UpdateWeightsVariables> {
  const client = useQueryClient();
  const key = queryKeys.traffic(namespace, service);
  return useMutation<UpdateWeightsResponse, ApiProblem, UpdateWeightsVariables>({
    mutationFn: ({ dryRun, ...body }) =>
      apiFetch<UpdateWeightsResponse>(
        `${path(namespace, service)}${dryRun ? '?dryRun=true' : ''}`,
        {
          method: 'PUT',
          body,
        },
      ),
    onSuccess: async (result) => {
      if (result.dryRun) return;
      client.setQueryData<TrafficResponse>(key, (old) =>
        old?.virtualService
          ? {
              ...old,
              virtualService: { ...old.virtualService, resourceVersion: result.resourceVersion },
            }
          : old,
      );
      await Promise.all([
        client.invalidateQueries({ queryKey: key }),
        client.invalidateQueries({ queryKey: ['graph'] }),
      ]);
    },
    onError: async (error) => {
      if (error.status === 409) await client.invalidateQueries({ queryKey: key });
    },
  });
}
