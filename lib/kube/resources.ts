import 'server-only';
import type * as k8s from '@kubernetes/client-node';
import { z } from 'zod';
import type { IstioObject } from '@/lib/mesh/types';
import type { KubeClient } from './client';

export type IstioKind = IstioObject['kind'];

export interface CustomResourceRef {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
}

const GATEWAY_API = 'gateway.networking.k8s.io';

/** Istio config kinds Meshlens reads and writes; `v1` is served by every supported Istio (≥ 1.22). */
export const ISTIO_KINDS: Readonly<Record<IstioKind, CustomResourceRef>> = {
  VirtualService: { group: 'networking.istio.io', version: 'v1', plural: 'virtualservices' },
  DestinationRule: { group: 'networking.istio.io', version: 'v1', plural: 'destinationrules' },
  Gateway: { group: 'networking.istio.io', version: 'v1', plural: 'gateways' },
  ServiceEntry: { group: 'networking.istio.io', version: 'v1', plural: 'serviceentries' },
  PeerAuthentication: { group: 'security.istio.io', version: 'v1', plural: 'peerauthentications' },
  AuthorizationPolicy: {
    group: 'security.istio.io',
    version: 'v1',
    plural: 'authorizationpolicies',
  },
  RequestAuthentication: {
    group: 'security.istio.io',
    version: 'v1',
    plural: 'requestauthentications',
  },
  Sidecar: { group: 'networking.istio.io', version: 'v1', plural: 'sidecars' },
  // EnvoyFilter, ProxyConfig and WasmPlugin have no v1; Telemetry's v1 is served but not stored.
  EnvoyFilter: { group: 'networking.istio.io', version: 'v1alpha3', plural: 'envoyfilters' },
  WorkloadEntry: { group: 'networking.istio.io', version: 'v1', plural: 'workloadentries' },
  WorkloadGroup: { group: 'networking.istio.io', version: 'v1', plural: 'workloadgroups' },
  ProxyConfig: { group: 'networking.istio.io', version: 'v1beta1', plural: 'proxyconfigs' },
  Telemetry: { group: 'telemetry.istio.io', version: 'v1', plural: 'telemetries' },
  WasmPlugin: { group: 'extensions.istio.io', version: 'v1alpha1', plural: 'wasmplugins' },
  // Standard channel, v1 since Gateway API 1.0 (ReferenceGrant since 1.5).
  K8sGateway: { group: GATEWAY_API, version: 'v1', plural: 'gateways' },
  GatewayClass: { group: GATEWAY_API, version: 'v1', plural: 'gatewayclasses' },
  HTTPRoute: { group: GATEWAY_API, version: 'v1', plural: 'httproutes' },
  GRPCRoute: { group: GATEWAY_API, version: 'v1', plural: 'grpcroutes' },
  ReferenceGrant: { group: GATEWAY_API, version: 'v1', plural: 'referencegrants' },
};

export const KUBE_RESOURCES = [
  'namespaces',
  'services',
  'deployments',
  'statefulsets',
  'daemonsets',
  'pods',
  'virtualservices',
  'destinationrules',
  'gateways',
  'serviceentries',
  'peerauthentications',
  'authorizationpolicies',
  'requestauthentications',
  'sidecars',
  'envoyfilters',
  'workloadentries',
  'workloadgroups',
  'proxyconfigs',
  'telemetries',
  'wasmplugins',
  'k8sgateways',
  'gatewayclasses',
  'httproutes',
  'grpcroutes',
  'referencegrants',
] as const;
export type KubeResource = (typeof KUBE_RESOURCES)[number];

export interface ResourceSpec {
  /** The API group, '' for the core group: what a Role's rule must name to let Meshlens read it. */
  readonly group: string;
  /** The collection path an informer watches: cluster-wide without a namespace, else that namespace's. */
  readonly path: (namespace?: string) => string;
  readonly list: (
    client: KubeClient,
    namespace?: string,
  ) => Promise<k8s.KubernetesListObject<k8s.KubernetesObject>>;
  /** A CRD that may not be installed: a 404 on its list means "none", not "broken". */
  readonly optional: boolean;
}

/**
 * Namespaces are cluster-scoped: listing them needs a ClusterRole. With NAMESPACES set, Meshlens reads
 * each configured namespace by name instead: the API server counts `GET /api/v1/namespaces/{ns}` as a
 * request in namespace {ns}, so a Role there may grant it.
 */
export const NAMESPACE_OBJECTS = {
  group: '',
  path: (name: string) => `/api/v1/namespaces/${encodeURIComponent(name)}`,
  get: (client: KubeClient, name: string): Promise<k8s.KubernetesObject> =>
    client.core.readNamespace({ name }),
} as const;

// Custom object lists come back untyped; only the envelope is checked here, items are decoded later.
const KubeListWire = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: z.object({ resourceVersion: z.string().optional() }).optional(),
  items: z.array(z.custom<k8s.KubernetesObject>((v) => typeof v === 'object' && v !== null)),
});

function ns(namespace: string): string {
  return `/namespaces/${encodeURIComponent(namespace)}`;
}

function custom(ref: CustomResourceRef): ResourceSpec {
  return {
    group: ref.group,
    path: (namespace) =>
      `/apis/${ref.group}/${ref.version}${namespace === undefined ? '' : ns(namespace)}/${ref.plural}`,
    list: async (client, namespace) =>
      KubeListWire.parse(
        namespace === undefined
          ? await client.custom.listClusterCustomObject(ref)
          : await client.custom.listNamespacedCustomObject({ ...ref, namespace }),
      ),
    optional: true,
  };
}

/** A built-in kind: its collection under `prefix` (e.g. /api/v1), listed by one of two client calls. */
function builtIn(
  group: string,
  prefix: string,
  plural: string,
  optional: boolean,
  all: (client: KubeClient) => Promise<k8s.KubernetesListObject<k8s.KubernetesObject>>,
  inNamespace: (
    client: KubeClient,
    namespace: string,
  ) => Promise<k8s.KubernetesListObject<k8s.KubernetesObject>>,
): ResourceSpec {
  return {
    group,
    path: (namespace) => `${prefix}${namespace === undefined ? '' : ns(namespace)}/${plural}`,
    list: (client, namespace) =>
      namespace === undefined ? all(client) : inNamespace(client, namespace),
    optional,
  };
}

export const RESOURCE_SPECS: Readonly<Record<KubeResource, ResourceSpec>> = {
  // Only ever listed cluster-wide; with NAMESPACES the informers read NAMESPACE_OBJECTS instead.
  namespaces: {
    group: '',
    path: () => '/api/v1/namespaces',
    list: (c) => c.core.listNamespace(),
    optional: false,
  },
  services: builtIn(
    '',
    '/api/v1',
    'services',
    false,
    (c) => c.core.listServiceForAllNamespaces(),
    (c, namespace) => c.core.listNamespacedService({ namespace }),
  ),
  pods: builtIn(
    '',
    '/api/v1',
    'pods',
    false,
    (c) => c.core.listPodForAllNamespaces(),
    (c, namespace) => c.core.listNamespacedPod({ namespace }),
  ),
  deployments: builtIn(
    'apps',
    '/apis/apps/v1',
    'deployments',
    false,
    (c) => c.apps.listDeploymentForAllNamespaces(),
    (c, namespace) => c.apps.listNamespacedDeployment({ namespace }),
  ),
  statefulsets: builtIn(
    'apps',
    '/apis/apps/v1',
    'statefulsets',
    true,
    (c) => c.apps.listStatefulSetForAllNamespaces(),
    (c, namespace) => c.apps.listNamespacedStatefulSet({ namespace }),
  ),
  daemonsets: builtIn(
    'apps',
    '/apis/apps/v1',
    'daemonsets',
    true,
    (c) => c.apps.listDaemonSetForAllNamespaces(),
    (c, namespace) => c.apps.listNamespacedDaemonSet({ namespace }),
  ),
  virtualservices: custom(ISTIO_KINDS.VirtualService),
  destinationrules: custom(ISTIO_KINDS.DestinationRule),
  gateways: custom(ISTIO_KINDS.Gateway),
  serviceentries: custom(ISTIO_KINDS.ServiceEntry),
  peerauthentications: custom(ISTIO_KINDS.PeerAuthentication),
  authorizationpolicies: custom(ISTIO_KINDS.AuthorizationPolicy),
  requestauthentications: custom(ISTIO_KINDS.RequestAuthentication),
  sidecars: custom(ISTIO_KINDS.Sidecar),
  envoyfilters: custom(ISTIO_KINDS.EnvoyFilter),
  workloadentries: custom(ISTIO_KINDS.WorkloadEntry),
  workloadgroups: custom(ISTIO_KINDS.WorkloadGroup),
  proxyconfigs: custom(ISTIO_KINDS.ProxyConfig),
  telemetries: custom(ISTIO_KINDS.Telemetry),
  wasmplugins: custom(ISTIO_KINDS.WasmPlugin),
  k8sgateways: custom(ISTIO_KINDS.K8sGateway),
  gatewayclasses: custom(ISTIO_KINDS.GatewayClass),
  httproutes: custom(ISTIO_KINDS.HTTPRoute),
  grpcroutes: custom(ISTIO_KINDS.GRPCRoute),
  referencegrants: custom(ISTIO_KINDS.ReferenceGrant),
};
