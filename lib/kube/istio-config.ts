import 'server-only';
import type { IstioObject } from '@/lib/mesh/types';
import type { InformerSet } from './informers';
import { decodeIstioObject } from '@/lib/mesh/istio/decode-object';
import { ISTIO_KINDS, type IstioKind, type KubeResource } from './resources';

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
  const ref = ISTIO_KINDS[kind];
  return decodeIstioObject(kind, obj, `${ref.group}/${ref.version}`);
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
