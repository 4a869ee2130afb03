import { ISTIO_KIND_INFO, kindOfManifest, type IstioKindName } from '../istio/kinds';
import { isRecord } from '../istio/read';

/** The Kubernetes kinds the analyzers read, beside Istio's and the Gateway API's. */
export const KUBE_KINDS = [
  'Namespace',
  'Pod',
  'Service',
  'Secret',
  'ConfigMap',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
] as const;
export type KubeKindName = (typeof KUBE_KINDS)[number];

const APPS: readonly KubeKindName[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

export type ManifestKind =
  | { readonly type: 'istio'; readonly kind: IstioKindName }
  | { readonly type: 'kube'; readonly kind: KubeKindName };

function isKubeKind(kind: string): kind is KubeKindName {
  return (KUBE_KINDS as readonly string[]).includes(kind);
}

/**
 * What a manifest is, by its kind and API group: another group's `Service` (Knative's) or
 * `VirtualService` is not one Meshlens reads. Undefined for a kind it does not read.
 */
export function manifestKind(manifest: unknown): ManifestKind | undefined {
  if (!isRecord(manifest) || typeof manifest.kind !== 'string') return undefined;
  const { apiVersion, kind } = manifest;
  const slash = typeof apiVersion === 'string' ? apiVersion.indexOf('/') : -1;
  const group = typeof apiVersion === 'string' && slash > 0 ? apiVersion.slice(0, slash) : '';
  if (isKubeKind(kind)) {
    const expected = APPS.includes(kind) ? 'apps' : '';
    return group === expected ? { type: 'kube', kind } : undefined;
  }
  const istio = kindOfManifest(apiVersion, kind);
  return istio && ISTIO_KIND_INFO[istio].group === group
    ? { type: 'istio', kind: istio }
    : undefined;
}
