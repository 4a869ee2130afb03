import { z } from 'zod';
import type { IstioObject } from '../types';
import { isClusterScoped, wireKind, type IstioKindName } from './kinds';

// Ref https://istio.io/latest/docs/reference/config/networking/virtual-service/ (and siblings):
// the spec is kept untyped here; lib/mesh/validations validates it.
const IstioObjectWire = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: z.object({
    name: z.string(),
    // Absent on a cluster-scoped kind (GatewayClass): the domain's namespace is '' then.
    namespace: z.string().optional(),
    resourceVersion: z.string().optional(),
    labels: z
      .record(z.string(), z.string())
      .nullish()
      .transform((v) => v ?? {}),
  }),
  spec: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((v) => v ?? {}),
  status: z.record(z.string(), z.unknown()).nullish(),
});

/**
 * A stored or written Istio object as the domain sees it; undefined when it is not one of `kind`.
 * `fallbackApiVersion` names it when the object does not (list items of some API servers).
 */
export function decodeIstioObject(
  kind: IstioKindName,
  obj: unknown,
  fallbackApiVersion: string,
): IstioObject | undefined {
  const parsed = IstioObjectWire.safeParse(obj);
  if (!parsed.success) return undefined;
  const { apiVersion, metadata, spec, status } = parsed.data;
  if (parsed.data.kind !== undefined && parsed.data.kind !== wireKind(kind)) return undefined;
  if ((metadata.namespace === undefined) !== isClusterScoped(kind)) return undefined;
  return {
    kind,
    apiVersion: apiVersion ?? fallbackApiVersion,
    namespace: metadata.namespace ?? '',
    name: metadata.name,
    resourceVersion: metadata.resourceVersion ?? '',
    labels: metadata.labels,
    spec,
    ...(status && { status }),
  };
}
