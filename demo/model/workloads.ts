import type { ConfigSource, KubeObject } from '../kube/types.js';

/** Workloads (Deployments) and their pods as the model sees them, derived from live objects. */

export interface PodInfo {
  name: string;
  ip: string;
  labels: Readonly<Record<string, string>>;
  /** Index within its workload, stable in pod-name order (used by WorkloadBehaviour.errorPods). */
  index: number;
}

export interface WorkloadInfo {
  key: string;
  name: string;
  namespace: string;
  app: string;
  version: string;
  canonicalService: string;
  canonicalRevision: string;
  principal: string;
  /** An Envoy sidecar is injected (native sidecar in initContainers, or a classic container). */
  hasSidecar: boolean;
  /** A gateway: Envoy is the workload itself (ingress, egress, Gateway API gateways, waypoints). */
  isGateway: boolean;
  /** Captured by ztunnel: ambient mode, no sidecar, telemetry at L4 only. */
  ambient: boolean;
  /** A waypoint proxy (Gateway of class istio-waypoint, deployed by istiod). */
  isWaypoint: boolean;
  /** The Gateway API Gateway this workload implements (its gateway-name label), if any. */
  gatewayName?: string;
  pods: PodInfo[];
}

type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asLabels = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asObj(v))) if (typeof val === 'string') out[k] = val;
  return out;
};

export const field = { obj: asObj, arr: asArr, labels: asLabels };

export function matchesSelector(
  labels: Readonly<Record<string, string>>,
  selector: Readonly<Record<string, string>>,
): boolean {
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
  return true;
}

/**
 * Fixture finding 4: since Istio 1.30 the proxy is a native sidecar, so look in both container
 * lists (and at the injection annotation).
 */
export function podHasSidecar(pod: KubeObject): boolean {
  // A gateway's Envoy is its main container: it proxies, but it is not a sidecar.
  if (isGatewayPod(pod.metadata.labels ?? {})) return false;
  const spec = asObj(pod.spec);
  const named = (list: unknown): boolean =>
    asArr(list).some((c) => asObj(c).name === 'istio-proxy');
  return (
    named(spec.initContainers) ||
    named(spec.containers) ||
    pod.metadata.annotations?.['sidecar.istio.io/status'] !== undefined
  );
}

export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';
export const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';

const isGatewayPod = (labels: Readonly<Record<string, string>>): boolean =>
  labels.istio === 'ingressgateway' ||
  labels.istio === 'egressgateway' ||
  labels[GATEWAY_NAME_LABEL] !== undefined;

const isWaypointPod = (labels: Readonly<Record<string, string>>): boolean =>
  labels['gateway.istio.io/managed'] === 'istio.io-mesh-controller';

/**
 * ztunnel captures a pod when the pod or its namespace says `istio.io/dataplane-mode: ambient` and the
 * pod does not opt out with `none`; pods with a sidecar (and proxies themselves) are left alone.
 */
function capturedByZtunnel(
  pod: KubeObject,
  namespaceLabels: Readonly<Record<string, string>>,
): boolean {
  const labels = pod.metadata.labels ?? {};
  if (isGatewayPod(labels) || podHasSidecar(pod)) return false;
  const podMode = labels[DATAPLANE_MODE_LABEL];
  if (podMode !== undefined) return podMode === 'ambient';
  return namespaceLabels[DATAPLANE_MODE_LABEL] === 'ambient';
}

/** Namespace name → its labels, from the live Namespace objects. */
export function namespaceLabels(config: ConfigSource): Map<string, Record<string, string>> {
  return new Map(
    config.list('namespaces').map((ns) => [ns.metadata.name, asLabels(ns.metadata.labels)]),
  );
}

export function listWorkloads(
  config: ConfigSource,
  nsLabels: ReadonlyMap<string, Record<string, string>> = namespaceLabels(config),
): WorkloadInfo[] {
  const podsByNs = new Map<string, KubeObject[]>();
  for (const pod of config.list('pods')) {
    const ns = pod.metadata.namespace ?? 'default';
    if (asObj(pod.metadata).deletionTimestamp !== undefined) continue;
    const list = podsByNs.get(ns) ?? [];
    list.push(pod);
    podsByNs.set(ns, list);
  }
  const out: WorkloadInfo[] = [];
  for (const dep of config.list('deployments')) {
    const namespace = dep.metadata.namespace ?? 'default';
    const spec = asObj(dep.spec);
    const selector = asLabels(asObj(spec.selector).matchLabels);
    const template = asObj(spec.template);
    const templateLabels = asLabels(asObj(template.metadata).labels);
    const serviceAccount = String(asObj(template.spec).serviceAccountName ?? 'default');
    const pods = (podsByNs.get(namespace) ?? [])
      .filter(
        (p) =>
          Object.keys(selector).length > 0 && matchesSelector(p.metadata.labels ?? {}, selector),
      )
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const first = pods[0];
    const labels = first?.metadata.labels ?? templateLabels;
    const name = dep.metadata.name;
    const app = labels.app ?? labels['app.kubernetes.io/name'] ?? 'unknown';
    const version = labels.version ?? labels['app.kubernetes.io/version'] ?? 'unknown';
    out.push({
      key: `${namespace}/${name}`,
      name,
      namespace,
      app,
      version,
      canonicalService: labels['service.istio.io/canonical-name'] ?? labels.app ?? name,
      canonicalRevision:
        labels['service.istio.io/canonical-revision'] ?? labels.version ?? 'latest',
      principal: `spiffe://cluster.local/ns/${namespace}/sa/${serviceAccount}`,
      hasSidecar: first ? podHasSidecar(first) : false,
      isGateway: isGatewayPod(labels),
      ambient: first ? capturedByZtunnel(first, nsLabels.get(namespace) ?? {}) : false,
      isWaypoint: isWaypointPod(labels),
      ...(labels[GATEWAY_NAME_LABEL] ? { gatewayName: labels[GATEWAY_NAME_LABEL] } : {}),
      pods: pods.map((p, index) => ({
        name: p.metadata.name,
        ip: String(asObj(p.status).podIP ?? '10.244.0.1'),
        labels: p.metadata.labels ?? {},
        index,
      })),
    });
  }
  return out;
}
