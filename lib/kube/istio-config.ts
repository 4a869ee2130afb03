import 'server-only';
import { z } from 'zod';
import type { IstioObject } from '@/lib/mesh/types';
import type { InformerSet } from './informers';
import { isClusterScoped, wireKind } from '@/lib/mesh/istio/kinds';
import { ISTIO_KINDS, type IstioKind, type KubeResource } from './resources';

// Ref https://istio.io/latest/docs/reference/config/networking/virtual-service/ (and siblings):
// the spec is kept untyped here; lib/mesh validates it.
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

export const ISTIO_RESOURCES: Readonly<Record<IstioKind, KubeResource>> = {
  VirtualService: 'virtualservices',
  DestinationRule: 'destinationrules',
  Gateway: 'gateways',
  ServiceEntry: 'serviceentries',
  PeerAuthentication: 'peerauthentications',
  AuthorizationPolicy: 'authorizationpolicies',
  RequestAuthentication: 'requestauthentications',
  Sidecar: 'sidecars',
  EnvoyFilter: 'envoyfilters',
  WorkloadEntry: 'workloadentries',
  WorkloadGroup: 'workloadgroups',
  ProxyConfig: 'proxyconfigs',
  Telemetry: 'telemetries',
  WasmPlugin: 'wasmplugins',
  K8sGateway: 'k8sgateways',
  GatewayClass: 'gatewayclasses',
  HTTPRoute: 'httproutes',
  GRPCRoute: 'grpcroutes',
  ReferenceGrant: 'referencegrants',
};

const KINDS = Object.keys(ISTIO_RESOURCES) as IstioKind[];

/** One cached or returned Istio object as the domain sees it; undefined when it is not one. */
export function toIstioObject(kind: IstioKind, obj: unknown): IstioObject | undefined {
  const parsed = IstioObjectWire.safeParse(obj);
  if (!parsed.success) return undefined;
  const { apiVersion, metadata, spec, status } = parsed.data;
  if (parsed.data.kind !== undefined && parsed.data.kind !== wireKind(kind)) return undefined;
  if ((metadata.namespace === undefined) !== isClusterScoped(kind)) return undefined;
  const ref = ISTIO_KINDS[kind];
  return {
    kind,
    apiVersion: apiVersion ?? `${ref.group}/${ref.version}`,
    namespace: metadata.namespace ?? '',
    name: metadata.name,
    resourceVersion: metadata.resourceVersion ?? '',
    labels: metadata.labels,
    spec,
    ...(status && { status }),
  };
}

/** Istio objects from the informer cache, optionally limited to some namespaces, in a stable order. */
export function listIstioObjects(
  informers: InformerSet,
  options: { readonly namespaces?: readonly string[]; readonly kinds?: readonly IstioKind[] } = {},
): IstioObject[] {
  const wanted = options.namespaces ? new Set(options.namespaces) : undefined;
  const out: IstioObject[] = [];
  for (const kind of options.kinds ?? KINDS) {
    for (const raw of informers.list(ISTIO_RESOURCES[kind])) {
      const obj = toIstioObject(kind, raw);
      if (obj && (!wanted || wanted.has(obj.namespace))) out.push(obj);
    }
  }
  return out.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}

/** One cached object; a cluster-scoped one (GatewayClass) has namespace ''. */
export function getIstioObject(
  informers: InformerSet,
  kind: IstioKind,
  namespace: string,
  name: string,
): IstioObject | undefined {
  const raw = informers
    .list(ISTIO_RESOURCES[kind])
    .find((o) => (o.metadata?.namespace ?? '') === namespace && o.metadata?.name === name);
  return raw === undefined ? undefined : toIstioObject(kind, raw);
}
