import type { Inventory, InventoryWorkload } from '../types';
import type { Endpoint } from './passes-across';

export interface ResolvedEndpoint {
  readonly endpoint: Endpoint;
  /** Jaeger service names whose traces can hold this endpoint's spans ("<canonical>.<namespace>"). */
  readonly jaegerServices: readonly string[];
  /** An ambient waypoint proxy: its spans are the only ones of the callers and callees it serves. */
  readonly isWaypoint?: boolean;
}

/** Istio labels the Deployments it makes for waypoints (Gateways of class istio-waypoint) so. */
const isWaypoint = (w: InventoryWorkload): boolean =>
  w.labels['gateway.istio.io/managed'] === 'istio.io-mesh-controller';

/** Istio's canonical service of a workload: the label, else app.kubernetes.io/name, else app, else its name. */
function canonicalOf(w: InventoryWorkload): string {
  const l = w.labels;
  return l['service.istio.io/canonical-name'] ?? l['app.kubernetes.io/name'] ?? l.app ?? w.name;
}

function selects(selector: Readonly<Record<string, string>>, w: InventoryWorkload): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => w.labels[k] === v);
}

/**
 * What a graph node name stands for in traces. The graph names a node by Kubernetes Service, app
 * (canonical service) or workload, and the link does not say which, so the name is looked up in that
 * order: a Service or app matches its workloads' canonical services; a workload matches its own pods
 * only (through Envoy's node_id), though Jaeger is searched under its canonical service. Without an
 * inventory (Kubernetes down) the name is taken as both.
 */
export function resolveEndpoint(
  namespace: string,
  name: string,
  inventory: Inventory | undefined,
): ResolvedEndpoint {
  const inNs = inventory?.workloads.filter((w) => w.namespace === namespace) ?? [];
  const workload = inNs.find((w) => w.name === name);
  if (workload && isWaypoint(workload)) {
    // Waypoint spans carry istio.canonical_service but no node_id to find the pod by.
    const canonical = canonicalOf(workload);
    return {
      endpoint: { namespace, services: [canonical], workloads: [name] },
      jaegerServices: [`${canonical}.${namespace}`],
      isWaypoint: true,
    };
  }
  const service = inventory?.services.find((s) => s.namespace === namespace && s.name === name);
  const canonicals = new Set<string>();
  if (service)
    for (const w of inNs) if (selects(service.selector, w)) canonicals.add(canonicalOf(w));
  for (const w of inNs) if (canonicalOf(w) === name) canonicals.add(name);
  if (service || canonicals.size > 0) {
    const services = [...new Set([name, ...canonicals])];
    return {
      endpoint: { namespace, services, workloads: [] },
      jaegerServices: [...(canonicals.size > 0 ? canonicals : [name])].map(
        (c) => `${c}.${namespace}`,
      ),
    };
  }
  if (workload) {
    return {
      endpoint: { namespace, services: [], workloads: [name] },
      jaegerServices: [`${canonicalOf(workload)}.${namespace}`],
    };
  }
  return {
    endpoint: { namespace, services: [name], workloads: [name] },
    jaegerServices: [`${name}.${namespace}`],
  };
}
