'use client';

import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import type {
  AppliedConfigQuery,
  AppliedConfigResponse,
  IstioCreateBody,
  IstioListResponse,
  IstioObjectDocument,
  IstioReplaceBody,
  IstioValidateBody,
  IstioValidateResponse,
} from '@/lib/api/istio';
import type { ServiceRouting } from '@/lib/api/routing';
import type { IstioWriteResult } from '@/lib/api/write-result';
import { ISTIO_KIND_INFO, namespaceSegment, type IstioKindName } from '@/lib/mesh/istio/kinds';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';
import { useRefetchInterval } from './refresh-interval';

const seg = encodeURIComponent;

export function objectPath(namespace: string, kind: IstioKindName, name: string): string {
  return `/api/istio/${namespaceSegment(namespace)}/${ISTIO_KIND_INFO[kind].plural}/${seg(name)}`;
}

/** Every Istio object of the namespaces (all when empty) with its validations. */
export function useIstioListQuery(
  namespaces: readonly string[],
): UseQueryResult<IstioListResponse, ApiProblem> {
  const refetchInterval = useRefetchInterval();
  const query = namespaces.length > 0 ? `?namespaces=${namespaces.map(seg).join(',')}` : '';
  return useQuery<IstioListResponse, ApiProblem>({
    queryKey: queryKeys.istioList(namespaces),
    queryFn: ({ signal }) => apiFetch<IstioListResponse>(`/api/istio${query}`, { signal }),
    refetchInterval,
  });
}

function appliedPath(subject: AppliedConfigQuery): string {
  const name = subject.kind === 'app' ? subject.app : subject.name;
  return `/api/istio?${new URLSearchParams({ [subject.kind]: `${subject.namespace}/${name}` }).toString()}`;
}

/** The Istio objects that apply to one workload, app or service, with their validations. */
export function useAppliedConfigQuery(
  subject: AppliedConfigQuery,
): UseQueryResult<AppliedConfigResponse, ApiProblem> {
  const refetchInterval = useRefetchInterval();
  return useQuery<AppliedConfigResponse, ApiProblem>({
    queryKey: queryKeys.appliedConfig(subject),
    queryFn: ({ signal }) => apiFetch<AppliedConfigResponse>(appliedPath(subject), { signal }),
    refetchInterval,
  });
}

/** One object for the editor. Not refetched in the background: the editor decides when to reload. */
export function useIstioObjectQuery(
  namespace: string,
  kind: IstioKindName,
  name: string,
): UseQueryResult<IstioObjectDocument, ApiProblem> {
  return useQuery<IstioObjectDocument, ApiProblem>({
    queryKey: queryKeys.istioObject(namespace, kind, name),
    queryFn: ({ signal }) =>
      apiFetch<IstioObjectDocument>(objectPath(namespace, kind, name), { signal }),
    staleTime: Infinity,
    retry: false,
  });
}

export function useServiceRoutingQuery(
  namespace: string,
  service: string,
): UseQueryResult<ServiceRouting, ApiProblem> {
  return useQuery<ServiceRouting, ApiProblem>({
    queryKey: queryKeys.serviceRouting(namespace, service),
    queryFn: ({ signal }) =>
      apiFetch<ServiceRouting>(`/api/routing/${seg(namespace)}/${seg(service)}`, { signal }),
  });
}

/** Schema and semantic findings for a text, with lines; writes nothing. */
export async function validateIstioYaml(
  yaml: string,
  namespace: string,
  signal?: AbortSignal,
  alongside: readonly string[] = [],
): Promise<readonly LocatedValidation[]> {
  const body: IstioValidateBody = { yaml, namespace, alongside };
  const { validations } = await apiFetch<IstioValidateResponse>('/api/istio/validate', {
    method: 'POST',
    body,
    ...(signal && { signal }),
  });
  return validations;
}

export type IstioWrite =
  | {
      readonly op: 'replace';
      readonly namespace: string;
      readonly kind: IstioKindName;
      readonly name: string;
      readonly yaml: string;
      readonly resourceVersion: string;
      readonly dryRun: boolean;
      /** Write despite analyzer errors; the person ticked "apply anyway". */
      readonly applyAnyway?: boolean;
      /** Objects written in the same step, which the checks see as stored. */
      readonly alongside?: readonly string[];
    }
  | {
      readonly op: 'create';
      readonly namespace: string;
      readonly yaml: string;
      readonly dryRun: boolean;
      readonly applyAnyway?: boolean;
      readonly alongside?: readonly string[];
    }
  | {
      readonly op: 'delete';
      readonly namespace: string;
      readonly kind: IstioKindName;
      readonly name: string;
      readonly resourceVersion: string;
      readonly dryRun: boolean;
    };

export function sendIstioWrite(write: IstioWrite): Promise<IstioWriteResult> {
  const dry = write.dryRun ? 'dryRun=true' : '';
  switch (write.op) {
    case 'replace':
      return apiFetch(`${objectPath(write.namespace, write.kind, write.name)}${dry && `?${dry}`}`, {
        method: 'PUT',
        body: {
          yaml: write.yaml,
          resourceVersion: write.resourceVersion,
          applyAnyway: write.applyAnyway ?? false,
          alongside: write.alongside ?? [],
        } satisfies IstioReplaceBody,
      });
    case 'create':
      return apiFetch(`/api/istio/${namespaceSegment(write.namespace)}${dry && `?${dry}`}`, {
        method: 'POST',
        body: {
          yaml: write.yaml,
          applyAnyway: write.applyAnyway ?? false,
          alongside: write.alongside ?? [],
        } satisfies IstioCreateBody,
      });
    case 'delete':
      return apiFetch(
        `${objectPath(write.namespace, write.kind, write.name)}?resourceVersion=${seg(write.resourceVersion)}${dry && `&${dry}`}`,
        { method: 'DELETE' },
      );
  }
}

/** Any Istio write; on success every Istio query (lists, objects, routing) is refetched. */
export function useIstioWriteMutation(): UseMutationResult<
  IstioWriteResult,
  ApiProblem,
  IstioWrite
> {
  const client = useQueryClient();
  return useMutation<IstioWriteResult, ApiProblem, IstioWrite>({
    mutationFn: sendIstioWrite,
    onSuccess: async (_result, write) => {
      if (!write.dryRun) await client.invalidateQueries({ queryKey: ['istio'] });
    },
  });
}
