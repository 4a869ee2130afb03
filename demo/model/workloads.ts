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
  /** A gateway: Envoy is the workload itself. */
  isGateway: boolean;
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

const isGatewayPod = (labels: Readonly<Record<string, string>>): boolean =>
  labels.istio === 'ingressgateway' || labels.istio === 'egressgateway';

export function listWorkloads(config: ConfigSource): WorkloadInfo[] {
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
