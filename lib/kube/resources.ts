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
] as const;
export type KubeResource = (typeof KUBE_RESOURCES)[number];

export interface ResourceSpec {
  /** Cluster-wide collection path, watched by the informer. */
  readonly path: string;
  readonly list: (client: KubeClient) => Promise<k8s.KubernetesListObject<k8s.KubernetesObject>>;
  /** A CRD that may not be installed: a 404 on its list means "none", not "broken". */
  readonly optional: boolean;
}

// Custom object lists come back untyped; only the envelope is checked here, items are decoded later.
const KubeListWire = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: z.object({ resourceVersion: z.string().optional() }).optional(),
  items: z.array(z.custom<k8s.KubernetesObject>((v) => typeof v === 'object' && v !== null)),
});

function custom(ref: CustomResourceRef): ResourceSpec {
  return {
    path: `/apis/${ref.group}/${ref.version}/${ref.plural}`,
    list: async (client) => KubeListWire.parse(await client.custom.listClusterCustomObject(ref)),
    optional: true,
  };
}

export const RESOURCE_SPECS: Readonly<Record<KubeResource, ResourceSpec>> = {
  namespaces: { path: '/api/v1/namespaces', list: (c) => c.core.listNamespace(), optional: false },
  services: {
    path: '/api/v1/services',
    list: (c) => c.core.listServiceForAllNamespaces(),
    optional: false,
  },
  pods: { path: '/api/v1/pods', list: (c) => c.core.listPodForAllNamespaces(), optional: false },
  deployments: {
    path: '/apis/apps/v1/deployments',
    list: (c) => c.apps.listDeploymentForAllNamespaces(),
    optional: false,
  },
  statefulsets: {
    path: '/apis/apps/v1/statefulsets',
    list: (c) => c.apps.listStatefulSetForAllNamespaces(),
    optional: true,
  },
  daemonsets: {
    path: '/apis/apps/v1/daemonsets',
    list: (c) => c.apps.listDaemonSetForAllNamespaces(),
    optional: true,
  },
  virtualservices: custom(ISTIO_KINDS.VirtualService),
  destinationrules: custom(ISTIO_KINDS.DestinationRule),
  gateways: custom(ISTIO_KINDS.Gateway),
  serviceentries: custom(ISTIO_KINDS.ServiceEntry),
  peerauthentications: custom(ISTIO_KINDS.PeerAuthentication),
  authorizationpolicies: custom(ISTIO_KINDS.AuthorizationPolicy),
};
