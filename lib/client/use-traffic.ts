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

export function useTrafficQuery(
  namespace: string,
  service: string,
): UseQueryResult<TrafficResponse, ApiProblem> {
  const interval = useRefetchInterval();
  return useQuery<TrafficResponse, ApiProblem>({
    queryKey: queryKeys.traffic(namespace, service),
    queryFn: ({ signal }) => apiFetch<TrafficResponse>(path(namespace, service), { signal }),
    refetchInterval: interval === false ? false : Math.min(interval, LIVE_MS),
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
