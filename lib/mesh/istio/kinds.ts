import type { IstioObject } from '../types';

export type IstioKindName = IstioObject['kind'];

const GATEWAY_API = 'gateway.networking.k8s.io';

/** The Istio kinds Meshlens lists and edits, in display order, with their API group and URL plural. */
export const ISTIO_KIND_INFO: Readonly<
  Record<IstioKindName, { readonly group: string; readonly plural: string }>
> = {
  VirtualService: { group: 'networking.istio.io', plural: 'virtualservices' },
  DestinationRule: { group: 'networking.istio.io', plural: 'destinationrules' },
  Gateway: { group: 'networking.istio.io', plural: 'gateways' },
  ServiceEntry: { group: 'networking.istio.io', plural: 'serviceentries' },
  PeerAuthentication: { group: 'security.istio.io', plural: 'peerauthentications' },
  AuthorizationPolicy: { group: 'security.istio.io', plural: 'authorizationpolicies' },
  RequestAuthentication: { group: 'security.istio.io', plural: 'requestauthentications' },
  Sidecar: { group: 'networking.istio.io', plural: 'sidecars' },
  EnvoyFilter: { group: 'networking.istio.io', plural: 'envoyfilters' },
  WorkloadEntry: { group: 'networking.istio.io', plural: 'workloadentries' },
  WorkloadGroup: { group: 'networking.istio.io', plural: 'workloadgroups' },
  ProxyConfig: { group: 'networking.istio.io', plural: 'proxyconfigs' },
  Telemetry: { group: 'telemetry.istio.io', plural: 'telemetries' },
  WasmPlugin: { group: 'extensions.istio.io', plural: 'wasmplugins' },
  K8sGateway: { group: GATEWAY_API, plural: 'k8sgateways' },
  GatewayClass: { group: GATEWAY_API, plural: 'gatewayclasses' },
  HTTPRoute: { group: GATEWAY_API, plural: 'httproutes' },
  GRPCRoute: { group: GATEWAY_API, plural: 'grpcroutes' },
  ReferenceGrant: { group: GATEWAY_API, plural: 'referencegrants' },
};

export const ISTIO_KIND_NAMES = Object.keys(ISTIO_KIND_INFO) as IstioKindName[];

/** The kind a URL segment names: its plural (`virtualservices`) or the kind itself, any case. */
export function kindFromSegment(segment: string): IstioKindName | undefined {
  const lower = segment.toLowerCase();
  return ISTIO_KIND_NAMES.find(
    (k) => k.toLowerCase() === lower || ISTIO_KIND_INFO[k].plural === lower,
  );
}

export function isIstioKind(value: unknown): value is IstioKindName {
  return typeof value === 'string' && (ISTIO_KIND_NAMES as string[]).includes(value);
}

/** The kind as the API server names it: the Gateway API's Gateway is `Gateway` on the wire. */
export function wireKind(kind: IstioKindName): string {
  return kind === 'K8sGateway' ? 'Gateway' : kind;
}

/** The domain kind of a manifest's `apiVersion` and `kind`; `Gateway` is told apart by its group. */
export function kindOfManifest(apiVersion: unknown, kind: unknown): IstioKindName | undefined {
  if (typeof kind !== 'string') return undefined;
  const group = typeof apiVersion === 'string' ? apiVersion.split('/')[0] : undefined;
  if (kind === 'Gateway') return group === GATEWAY_API ? 'K8sGateway' : 'Gateway';
  return isIstioKind(kind) && kind !== 'K8sGateway' ? kind : undefined;
}

/** Kinds without a namespace: a GatewayClass belongs to the cluster. Their domain namespace is ''. */
export function isClusterScoped(kind: IstioKindName): boolean {
  return kind === 'GatewayClass';
}

/**
 * The URL segment that stands for "no namespace" in /istio/{namespace}/{kind}/{name}; '_' is never in
 * a namespace name, so it cannot shadow one.
 */
export const CLUSTER_SEGMENT = '_cluster';

/** How a list and a heading name a kind: the Gateway API's Gateway is never mistaken for Istio's. */
export function kindLabel(kind: IstioKindName): string {
  return kind === 'K8sGateway' ? 'Gateway (Gateway API)' : kind;
}

/** The URL segment of an object's namespace: {@link CLUSTER_SEGMENT} for a cluster-scoped one. */
export function namespaceSegment(namespace: string): string {
  return namespace === '' ? CLUSTER_SEGMENT : encodeURIComponent(namespace);
}

/** The domain namespace a URL segment names: '' for {@link CLUSTER_SEGMENT}. */
export function namespaceFromSegment(segment: string): string {
  return segment === CLUSTER_SEGMENT ? '' : decodeURIComponent(segment);
}
