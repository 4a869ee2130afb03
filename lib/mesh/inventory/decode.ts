/**
 * Kubernetes objects (as the API server serves them, or as a person wrote them in a file) decoded into
 * the domain's inventory. Shared by the informer caches (lib/kube/inventory.ts) and the offline
 * builder (lib/mesh/manifests), so a check sees the same inventory from a cluster and from files.
 */
import type {
  Inventory,
  InventoryConfigMap,
  InventoryGateway,
  InventoryNamespace,
  InventoryPod,
  InventorySecret,
  InventoryService,
  InventoryWorkload,
} from '../types';
import { namespaceInjects } from '../istio/injection';
import { KIALI_RATE_ANNOTATION } from '../health/kiali';
import { dataPlaneOf } from '../ambient/data-plane';
import { decodeIstioObject } from '../istio/decode-object';
import {
  ConfigMapWire,
  NamespaceWire,
  PodWire,
  SecretWire,
  ServiceWire,
  WorkloadWire,
  type ObjectMetaWire,
  type PodSpecWire,
} from './wire';

const PROXY = 'istio-proxy';
const SIDECAR_STATUS = 'sidecar.istio.io/status';
const SIDECAR_INJECT = 'sidecar.istio.io/inject';
/** kubectl's copy of the whole applied object (a Pod's env values among it): no check reads it. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function ownAnnotations(
  annotations: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  if (!(LAST_APPLIED in annotations)) return annotations;
  return Object.fromEntries(Object.entries(annotations).filter(([k]) => k !== LAST_APPLIED));
}

/** Raw objects per resource, as the informers hold them or a file holds them. */
export interface InventorySnapshot {
  readonly namespaces: readonly unknown[];
  readonly services: readonly unknown[];
  readonly deployments: readonly unknown[];
  readonly statefulsets?: readonly unknown[];
  readonly daemonsets?: readonly unknown[];
  /** ReplicaSets no Deployment owns (a Deployment's own are read through the Deployment). */
  readonly replicasets?: readonly unknown[];
  readonly pods: readonly unknown[];
  /** Gateway API Gateways; absent when the Gateway API is not watched (nothing known about waypoints). */
  readonly k8sGateways?: readonly unknown[];
  /** Secrets (names and types are all that is decoded); absent when they may not be listed. */
  readonly secrets?: readonly unknown[];
  /** The control plane's ConfigMaps (see isControlPlaneConfigMap); absent when not read. */
  readonly configMaps?: readonly unknown[];
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet';

/** The `istio-proxy` container: a native sidecar (init container, Istio ≥ 1.27 default) or a classic one. */
function proxyContainer(
  spec: PodSpecWire | null | undefined,
): { readonly image?: string | null } | undefined {
  const named = (
    list: readonly { name?: string | null; image?: string | null }[] | null | undefined,
  ) => (list ?? []).find((c) => c.name === PROXY);
  return named(spec?.initContainers) ?? named(spec?.containers);
}

/** True when a pod spec carries Istio's proxy, as a native sidecar or as a classic container. */
export function podSpecHasProxy(spec: PodSpecWire | null | undefined): boolean {
  return proxyContainer(spec) !== undefined;
}

function isOptedOut(
  labels: Readonly<Record<string, string>>,
  annotations: Readonly<Record<string, string>>,
): boolean {
  return labels[SIDECAR_INJECT] === 'false' || annotations[SIDECAR_INJECT] === 'false';
}

/** `app`/`version` as Istio reads them: the plain labels first, then the app.kubernetes.io ones. */
function appVersion(labels: Readonly<Record<string, string>>): { app?: string; version?: string } {
  const app = labels.app ?? labels['app.kubernetes.io/name'];
  const version = labels.version ?? labels['app.kubernetes.io/version'];
  return { ...(app !== undefined && { app }), ...(version !== undefined && { version }) };
}

export function toInventoryNamespace(obj: unknown): InventoryNamespace | undefined {
  const parsed = NamespaceWire.safeParse(obj);
  if (!parsed.success) return undefined;
  const { name, labels, annotations } = parsed.data.metadata;
  return { name, labels, annotations };
}

export function toInventoryService(obj: unknown): InventoryService | undefined {
  const parsed = ServiceWire.safeParse(obj);
  if (!parsed.success) return undefined;
  const { metadata, spec } = parsed.data;
  return {
    namespace: metadata.namespace ?? '',
    name: metadata.name,
    ...(Object.keys(metadata.labels).length > 0 && { labels: metadata.labels }),
    selector: spec?.selector ?? {},
    ports: (spec?.ports ?? []).map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: p.port,
      protocol: p.protocol ?? 'TCP',
      ...(p.targetPort !== undefined && p.targetPort !== null && { targetPort: p.targetPort }),
      ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
    })),
    // Kubernetes' default when the spec names none.
    type: spec?.type ?? 'ClusterIP',
    annotations: ownAnnotations(metadata.annotations),
    ...exportToAnnotation(metadata.annotations),
  };
}

/** Istio's per-Service visibility (`.` = own namespace, `*` = all), read by the config checks. */
function exportToAnnotation(annotations: Readonly<Record<string, string>>): {
  exportTo?: string[];
} {
  const raw = annotations['networking.istio.io/exportTo'];
  if (!raw) return {};
  return {
    exportTo: raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/**
 * The workload a pod belongs to, from its controller reference. Deployments own pods through a
 * ReplicaSet named `<deployment>-<pod-template-hash>`, so the hash is cut off.
 */
export function podWorkloadName(metadata: ObjectMetaWire): string | undefined {
  const owners = metadata.ownerReferences ?? [];
  const owner = owners.find((o) => o.controller) ?? owners[0];
  if (!owner) return undefined;
  const hash = metadata.labels['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) {
    return owner.name.slice(0, -(hash.length + 1));
  }
  return owner.name;
}

export function toInventoryPod(obj: unknown): InventoryPod | undefined {
  const parsed = PodWire.safeParse(obj);
  if (!parsed.success) return undefined;
  const { metadata, spec, status } = parsed.data;
  const workload = podWorkloadName(metadata);
  const proxyImage = proxyContainer(spec)?.image;
  return {
    namespace: metadata.namespace ?? '',
    name: metadata.name,
    labels: metadata.labels,
    annotations: ownAnnotations(metadata.annotations),
    ...(workload !== undefined && { workload }),
    ready: (status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    hasSidecar: podSpecHasProxy(spec) || metadata.annotations[SIDECAR_STATUS] !== undefined,
    ...(proxyImage ? { proxyImage } : {}),
  };
}

/**
 * The template's annotations, with Kiali's health annotation taken from where Kiali takes it, so a team
 * keeps the tuning Kiali honoured: a DaemonSet's own metadata; for other kinds the template when it has
 * any annotation, else the object's metadata.
 */
function withKialiRate(
  kind: WorkloadKind,
  own: Readonly<Record<string, string>>,
  template: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  if (kind !== 'DaemonSet' && Object.keys(template).length > 0) return template;
  const rate = own[KIALI_RATE_ANNOTATION];
  const rest = Object.entries(template).filter(([key]) => key !== KIALI_RATE_ANNOTATION);
  return Object.fromEntries(rate === undefined ? rest : [...rest, [KIALI_RATE_ANNOTATION, rate]]);
}

/**
 * A workload from its object. Labels and annotations are the pod template's (what pods and Istio's
 * metrics carry), but for Kiali's health annotation (see withKialiRate). `hasSidecar` prefers evidence: the template (manual injection), then the running
 * pods (automatic injection leaves the template untouched), then the namespace's injection label.
 */
export function toInventoryWorkload(
  kind: WorkloadKind,
  obj: unknown,
  pods: readonly InventoryPod[] = [],
  namespaces: ReadonlyMap<string, InventoryNamespace> = new Map(),
): InventoryWorkload | undefined {
  const parsed = WorkloadWire.safeParse(obj);
  if (!parsed.success) return undefined;
  const { metadata, spec, status } = parsed.data;
  const labels = spec?.template?.metadata?.labels ?? {};
  const annotations = spec?.template?.metadata?.annotations ?? {};
  const ns = metadata.namespace ?? '';
  const own = pods.filter((p) => p.namespace === ns && p.workload === metadata.name);

  let hasSidecar: boolean;
  if (podSpecHasProxy(spec?.template?.spec)) hasSidecar = true;
  else if (isOptedOut(labels, annotations)) hasSidecar = false;
  else if (annotations[SIDECAR_STATUS] !== undefined) hasSidecar = true;
  else if (own.length > 0) hasSidecar = own.some((p) => p.hasSidecar);
  else hasSidecar = namespaceInjects(namespaces.get(ns));

  const daemon = kind === 'DaemonSet';
  return {
    namespace: ns,
    name: metadata.name,
    kind,
    labels,
    annotations: withKialiRate(kind, metadata.annotations, annotations),
    objectAnnotations: ownAnnotations(metadata.annotations),
    ...appVersion(labels),
    desiredReplicas: daemon ? (status?.desiredNumberScheduled ?? 0) : (spec?.replicas ?? 1),
    readyReplicas: (daemon ? status?.numberReady : status?.readyReplicas) ?? 0,
    hasSidecar,
    // Kubernetes runs a pod without serviceAccountName as its namespace's `default`.
    serviceAccount: spec?.template?.spec?.serviceAccountName || 'default',
  };
}

/** A Gateway API Gateway: where it is, its class (waypoints are `istio-waypoint`) and its labels. */
export function toInventoryGateway(obj: unknown): InventoryGateway | undefined {
  const gateway = decodeIstioObject('K8sGateway', obj, 'gateway.networking.k8s.io/v1');
  if (!gateway) return undefined;
  const className = gateway.spec.gatewayClassName;
  return {
    namespace: gateway.namespace,
    name: gateway.name,
    className: typeof className === 'string' ? className : '',
    labels: gateway.labels,
  };
}

/** A Secret's name and type; its data is never part of what is decoded. */
export function toInventorySecret(obj: unknown): InventorySecret | undefined {
  const parsed = SecretWire.safeParse(obj);
  if (!parsed.success) return undefined;
  const { metadata, type } = parsed.data;
  // The API server stores a Secret written without a type as Opaque.
  return { namespace: metadata.namespace ?? '', name: metadata.name, type: type || 'Opaque' };
}

/**
 * The control plane's ConfigMaps the checks read: `istio` (mesh config) and
 * `istio-sidecar-injector`, each possibly with a `-<revision>` suffix. Others beside them in the
 * control plane's namespace (the CA root certificate, leader elections) are not read.
 */
export function isControlPlaneConfigMap(name: string): boolean {
  if (name === 'istio' || name === 'istio-sidecar-injector') return true;
  if (!name.startsWith('istio-')) return false;
  return name !== 'istio-ca-root-cert' && !/(leader|election)/.test(name);
}

export function toInventoryConfigMap(obj: unknown): InventoryConfigMap | undefined {
  const parsed = ConfigMapWire.safeParse(obj);
  if (!parsed.success || !isControlPlaneConfigMap(parsed.data.metadata.name)) return undefined;
  const { metadata, data } = parsed.data;
  return { namespace: metadata.namespace ?? '', name: metadata.name, data };
}

function defined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** The whole inventory; objects that do not decode (partial or foreign) are left out rather than guessed. */
export function toInventory(snapshot: InventorySnapshot): Inventory {
  const namespaces = snapshot.namespaces.map(toInventoryNamespace).filter(defined);
  const byName = new Map(namespaces.map((n) => [n.name, n]));
  const pods = snapshot.pods.map(toInventoryPod).filter(defined);
  const services = snapshot.services.map(toInventoryService).filter(defined);
  const gateways = snapshot.k8sGateways?.map(toInventoryGateway).filter(defined);
  const secrets = snapshot.secrets?.map(toInventorySecret).filter(defined);
  const configMaps = snapshot.configMaps?.map(toInventoryConfigMap).filter(defined);
  const withDataPlane = (w: InventoryWorkload): InventoryWorkload => ({
    ...w,
    dataPlane: dataPlaneOf(w, {
      namespace: byName.get(w.namespace),
      services: services.filter((s) => s.namespace === w.namespace),
      gateways,
      podLabels: pods
        .filter((p) => p.namespace === w.namespace && p.workload === w.name)
        .map((p) => p.labels),
    }),
  });
  const workloads = (kind: WorkloadKind, objects: readonly unknown[] = []): InventoryWorkload[] =>
    objects
      .map((o) => toInventoryWorkload(kind, o, pods, byName))
      .filter(defined)
      .map(withDataPlane);
  return {
    namespaces,
    services,
    workloads: [
      ...workloads('Deployment', snapshot.deployments),
      ...workloads('StatefulSet', snapshot.statefulsets),
      ...workloads('DaemonSet', snapshot.daemonsets),
      ...workloads('ReplicaSet', snapshot.replicasets),
    ],
    pods,
    ...(gateways && { gateways }),
    ...(secrets && { secrets }),
    ...(configMaps && { configMaps }),
  };
}
