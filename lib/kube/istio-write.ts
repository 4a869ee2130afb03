import 'server-only';
import * as k8s from '@kubernetes/client-node';
import { UpstreamError } from '@/lib/errors';
import { isClusterScoped } from '@/lib/mesh/istio/kinds';
import type { IstioObject } from '@/lib/mesh/types';
import { toIstioObject } from './istio-config';
import { ISTIO_KINDS, type IstioKind } from './resources';
import { toKubeError } from './status-error';

export interface WriteOptions {
  /** Ask the apiserver to validate and default the write without storing it (`dryRun=All`). */
  readonly dryRun?: boolean;
}

/** A whole Istio object to create or replace; `metadata.resourceVersion` guards a replace. */
export type IstioBody = Readonly<Record<string, unknown>>;

export interface IstioWriter {
  create(
    kind: IstioKind,
    namespace: string,
    body: IstioBody,
    opts?: WriteOptions,
  ): Promise<IstioObject>;
  replace(
    kind: IstioKind,
    namespace: string,
    name: string,
    body: IstioBody,
    opts?: WriteOptions,
  ): Promise<IstioObject>;
  /**
   * JSON merge patch (RFC 7386). Put `metadata.resourceVersion` in the patch to make a stale write fail
   * with ConflictError; lists are replaced whole, so send all of e.g. `spec.http`.
   */
  mergePatch(
    kind: IstioKind,
    namespace: string,
    name: string,
    patch: IstioBody,
    opts?: WriteOptions,
  ): Promise<IstioObject>;
  /** `resourceVersion` becomes a delete precondition: deleting an object changed since it was read is a 409. */
  delete(
    kind: IstioKind,
    namespace: string,
    name: string,
    opts?: WriteOptions & { readonly resourceVersion?: string },
  ): Promise<void>;
}

/**
 * Writes through CustomObjectsApi. Every failure is a typed error (status-error.ts); with `dryRun` the
 * returned object is what the apiserver would store, admission defaults included.
 */
export function createIstioWriter(api: k8s.CustomObjectsApi): IstioWriter {
  async function call(kind: IstioKind, request: () => Promise<unknown>): Promise<IstioObject> {
    let result: unknown;
    try {
      result = await request();
    } catch (err) {
      throw toKubeError(err);
    }
    const obj = toIstioObject(kind, result);
    if (!obj)
      throw new UpstreamError(
        'kubernetes',
        `The Kubernetes API answered a ${kind} write with something that is not a ${kind}.`,
      );
    return obj;
  }

  const dryRun = (opts?: WriteOptions): { dryRun?: string } =>
    opts?.dryRun ? { dryRun: 'All' } : {};

  // A cluster-scoped kind (GatewayClass) is written without a namespace, whatever the caller passed.
  const clustered = (kind: IstioKind): boolean => isClusterScoped(kind);

  return {
    create: (kind, namespace, body, opts) =>
      call(kind, () =>
        clustered(kind)
          ? api.createClusterCustomObject({ ...ISTIO_KINDS[kind], body, ...dryRun(opts) })
          : api.createNamespacedCustomObject({
              ...ISTIO_KINDS[kind],
              namespace,
              body,
              ...dryRun(opts),
            }),
      ),

    replace: (kind, namespace, name, body, opts) =>
      call(kind, () =>
        clustered(kind)
          ? api.replaceClusterCustomObject({ ...ISTIO_KINDS[kind], name, body, ...dryRun(opts) })
          : api.replaceNamespacedCustomObject({
              ...ISTIO_KINDS[kind],
              namespace,
              name,
              body,
              ...dryRun(opts),
            }),
      ),

    // The client's default PATCH content type is JSON Patch; a merge patch must say so explicitly.
    mergePatch: (kind, namespace, name, patch, opts) =>
      call(kind, () => {
        const merge = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
        return clustered(kind)
          ? api.patchClusterCustomObject(
              { ...ISTIO_KINDS[kind], name, body: patch, ...dryRun(opts) },
              merge,
            )
          : api.patchNamespacedCustomObject(
              { ...ISTIO_KINDS[kind], namespace, name, body: patch, ...dryRun(opts) },
              merge,
            );
      }),

    async delete(kind, namespace, name, opts) {
      const request = {
        ...ISTIO_KINDS[kind],
        name,
        ...dryRun(opts),
        ...(opts?.resourceVersion !== undefined && {
          body: { preconditions: { resourceVersion: opts.resourceVersion } },
        }),
      };
      try {
        await (clustered(kind)
          ? api.deleteClusterCustomObject(request)
          : api.deleteNamespacedCustomObject({ ...request, namespace }));
      } catch (err) {
        throw toKubeError(err);
      }
    },
  };
}
