import 'server-only';
import type {
  Inventory,
  InventoryGateway,
  InventoryNamespace,
  InventoryPod,
  InventoryService,
  InventoryWorkload,
} from '@/lib/mesh/types';
import { namespaceInjects } from '@/lib/mesh/istio/injection';
import { KIALI_RATE_ANNOTATION } from '@/lib/mesh/health/kiali';
import { dataPlaneOf } from '@/lib/mesh/ambient/data-plane';
import type { InformerSet } from './informers';
import { toIstioObject } from './istio-config';
import {
  NamespaceWire,
  PodWire,
  ServiceWire,
  WorkloadWire,
  type ObjectMetaWire,
  type PodSpecWire,
} from './kube-wire';

const PROXY = 'istio-proxy';
const SIDECAR_STATUS = 'sidecar.istio.io/status';
const SIDECAR_INJECT = 'sidecar.istio.io/inject';

/** Raw cached objects per resource, as the informers hold them. */
export interface InventorySnapshot {
  readonly namespaces: readonly unknown[];
  readonly services: readonly unknown[];
  readonly deployments: readonly unknown[];
  readonly statefulsets?: readonly unknown[];
  readonly daemonsets?: readonly unknown[];
  readonly pods: readonly unknown[];
  /** Gateway API Gateways; absent when the Gateway API is not watched (nothing known about waypoints). */
  readonly k8sGateways?: readonly unknown[];
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

/**
 * True when a pod spec carries Istio's proxy: as a native sidecar (init container, Istio ≥ 1.27 default)
 * or as a classic container.
 */
export function podSpecHasProxy(spec: PodSpecWire | null | undefined): boolean {
  const named = (list: readonly { name: string }[] | null | undefined): boolean =>
    (list ?? []).some((c) => c.name === PROXY);
  return named(spec?.initContainers) || named(spec?.containers);
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
    })),
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
  return {
    namespace: metadata.namespace ?? '',
    name: metadata.name,
    labels: metadata.labels,
    ...(workload !== undefined && { workload }),
    ready: (status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    hasSidecar: podSpecHasProxy(spec) || metadata.annotations[SIDECAR_STATUS] !== undefined,
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
  const gateway = toIstioObject('K8sGateway', obj);
  if (!gateway) return undefined;
  const className = gateway.spec.gatewayClassName;
  return {
    namespace: gateway.namespace,
    name: gateway.name,
    className: typeof className === 'string' ? className : '',
    labels: gateway.labels,
  };
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
    ],
    pods,
    ...(gateways && { gateways }),
  };
}

/**
 * The Gateways when they can be known: an informer set that does not watch them, a cluster without the
 * Gateway API, or a watch that is refused or not synced yet says nothing about waypoints (an empty list
 * would call every waypoint missing).
 */
function knownGateways(informers: InformerSet): readonly unknown[] | undefined {
  const state = informers.state().resources.k8sgateways;
  if (state === undefined || state.missing === true || !state.synced || state.error !== undefined)
    return undefined;
  return informers.list('k8sgateways');
}

const memo = new WeakMap<InformerSet, { revision: number; inventory: Inventory }>();

/** The inventory of the informer caches, decoded again only after the caches changed. */
export function readInventory(informers: InformerSet): Inventory {
  const revision = informers.revision();
  const hit = memo.get(informers);
  if (hit && hit.revision === revision) return hit.inventory;
  const inventory = toInventory({
    namespaces: informers.list('namespaces'),
    services: informers.list('services'),
    deployments: informers.list('deployments'),
    statefulsets: informers.list('statefulsets'),
    daemonsets: informers.list('daemonsets'),
    pods: informers.list('pods'),
    k8sGateways: knownGateways(informers),
  });
  memo.set(informers, { revision, inventory });
  return inventory;
}
