/**
 * A MeshConfig from Kubernetes manifests (files given to `npm run analyze`, a text posted to
 * /api/istio/validate), decoded exactly as the informer caches are, so every check sees the same
 * mesh offline as live.
 */
import { ISTIO_KIND_INFO, isClusterScoped, type IstioKindName } from '../istio/kinds';
import { decodeIstioObject } from '../istio/decode-object';
import { readMeshConfig } from '../istio/mesh-config';
import { isRecord } from '../istio/read';
import { toInventory } from '../inventory/decode';
import type { InventoryConfigMap, IstioObject } from '../types';
import type { MeshConfig } from '../validations/types';
import { manifestKind, type KubeKindName } from './manifest-kind';

/** Where a manifest without `metadata.namespace` lives, as kubectl and istioctl place it. */
export const DEFAULT_NAMESPACE = 'default';
/** Istio's control plane namespace unless told otherwise. */
export const ISTIO_NAMESPACE = 'istio-system';

export interface BuildMeshOptions {
  /**
   * A MeshConfig in YAML (what `istioctl analyze --meshConfigFile` reads). Without it, the `mesh`
   * key of ConfigMap `istio` in the control plane's namespace among the manifests; else Istio's defaults.
   */
  readonly meshConfig?: string;
  /** Where the control plane's ConfigMaps are; default {@link ISTIO_NAMESPACE}. */
  readonly controlPlaneNamespace?: string;
}

/** The manifest with its namespace filled in (`default`) when its kind lives in one and it names none. */
export function withNamespace(
  manifest: Record<string, unknown>,
  clusterScoped: boolean,
  fallback: string = DEFAULT_NAMESPACE,
): Record<string, unknown> {
  const meta = isRecord(manifest.metadata) ? manifest.metadata : undefined;
  if (clusterScoped || !meta || typeof meta.namespace === 'string') return manifest;
  return { ...manifest, metadata: { ...meta, namespace: fallback } };
}

/** The ReplicaSets a Deployment owns are read through their Deployment, as the live inventory does. */
function ownedByDeployment(manifest: Record<string, unknown>): boolean {
  const meta = isRecord(manifest.metadata) ? manifest.metadata : {};
  const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences : [];
  return owners.some((o) => isRecord(o) && o.kind === 'Deployment');
}

const identity = (kind: string, m: Record<string, unknown>): string => {
  const meta = isRecord(m.metadata) ? m.metadata : {};
  return `${kind}/${String(meta.namespace ?? '')}/${String(meta.name ?? '')}`;
};

/**
 * Istio objects and inventory from parsed manifests. A later manifest of the same kind, namespace
 * and name replaces an earlier one (as a second `kubectl apply` would). Kinds Meshlens does not read
 * are left out; nothing absent is invented (a Namespace no manifest defines stays unknown).
 * Secrets keep their name and type only; ConfigMaps only the control plane's.
 */
export function buildMeshConfig(
  manifests: readonly unknown[],
  options: BuildMeshOptions = {},
): MeshConfig {
  const controlPlane = options.controlPlaneNamespace ?? ISTIO_NAMESPACE;
  const kube = new Map<KubeKindName, Map<string, Record<string, unknown>>>();
  const istio = new Map<string, IstioObject>();
  for (const raw of manifests) {
    const kind = manifestKind(raw);
    if (!kind || !isRecord(raw)) continue;
    if (kind.type === 'istio') {
      const obj = toObject(kind.kind, raw);
      if (obj) istio.set(`${obj.kind}/${obj.namespace}/${obj.name}`, obj);
      continue;
    }
    const manifest = withNamespace(raw, kind.kind === 'Namespace');
    if (kind.kind === 'ReplicaSet' && ownedByDeployment(manifest)) continue;
    const kept = kind.kind === 'Secret' ? secretOnly(manifest) : manifest;
    if (kind.kind === 'ConfigMap' && namespaceOf(kept) !== controlPlane) continue;
    const perKind = kube.get(kind.kind) ?? new Map<string, Record<string, unknown>>();
    perKind.set(identity(kind.kind, kept), kept);
    kube.set(kind.kind, perKind);
  }
  const objects = [...istio.values()].sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
  const list = (kind: KubeKindName): Record<string, unknown>[] => [
    ...(kube.get(kind)?.values() ?? []),
  ];
  const inventory = toInventory({
    namespaces: list('Namespace'),
    services: list('Service'),
    deployments: list('Deployment'),
    statefulsets: list('StatefulSet'),
    daemonsets: list('DaemonSet'),
    replicasets: list('ReplicaSet'),
    pods: list('Pod'),
    // Files are the whole world: what they do not hold does not exist.
    k8sGateways: objects.filter((o) => o.kind === 'K8sGateway').map(gatewayManifest),
    secrets: list('Secret'),
    configMaps: list('ConfigMap'),
  });
  return {
    objects,
    inventory,
    rootNamespace: meshRootNamespace(inventory.configMaps, controlPlane, options.meshConfig),
  };
}

function toObject(kind: IstioKindName, raw: Record<string, unknown>): IstioObject | undefined {
  const manifest = withNamespace(raw, isClusterScoped(kind));
  const { group } = ISTIO_KIND_INFO[kind];
  return decodeIstioObject(kind, manifest, `${group}/v1`);
}

function namespaceOf(manifest: Record<string, unknown>): unknown {
  return isRecord(manifest.metadata) ? manifest.metadata.namespace : undefined;
}

/** Nothing of a Secret but what identifies it and its type goes further than this line. */
function secretOnly(manifest: Record<string, unknown>): Record<string, unknown> {
  const meta = isRecord(manifest.metadata) ? manifest.metadata : {};
  return {
    metadata: { name: meta.name, namespace: meta.namespace },
    ...(typeof manifest.type === 'string' && { type: manifest.type }),
  };
}

function gatewayManifest(obj: IstioObject): Record<string, unknown> {
  return {
    apiVersion: obj.apiVersion,
    kind: 'Gateway',
    metadata: { name: obj.name, namespace: obj.namespace, labels: obj.labels },
    spec: obj.spec,
  };
}

/**
 * The mesh config's root namespace: from `meshConfig` when given, else from the `mesh` key of
 * ConfigMap `istio` in the control plane's namespace, else Istio's default.
 */
export function meshRootNamespace(
  configMaps: readonly InventoryConfigMap[] | undefined,
  controlPlane: string,
  meshConfig?: string,
): string {
  const text =
    meshConfig ??
    configMaps?.find((c) => c.namespace === controlPlane && c.name === 'istio')?.data.mesh;
  return readMeshConfig(text, `${controlPlane}/istio`).rootNamespace;
}
