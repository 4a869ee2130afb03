import { namespaceInjects } from '../istio/injection';
import type { Inventory, InventoryNamespace, InventoryWorkload } from '../types';
import { DATAPLANE_MODE, WAYPOINT_CLASS, refText, waypointLabelOf } from './labels';
import { podDataPlaneLabel } from './data-plane';
import { lookUpWaypoint } from './waypoints';

export type CaptureWarningCode =
  /** A workload of an ambient namespace that ztunnel does not capture. */
  | 'not-captured'
  /** An `istio.io/use-waypoint` naming no waypoint. */
  | 'waypoint-missing'
  /** Pods without their sidecar in a namespace that injects one. */
  | 'sidecar-missing'
  /** A workload with a sidecar that is also enrolled in ambient. */
  | 'sidecar-over-ambient';

/** A gap in the mesh's capture, said for a person: what is wrong, what it costs, what to do. */
export interface CaptureWarning {
  readonly code: CaptureWarningCode;
  readonly namespace: string;
  /** The workload it is about; absent for a namespace's or a Service's own label. */
  readonly workload?: string;
  readonly message: string;
}

function waypointWarnings(inventory: Inventory): CaptureWarning[] {
  const labelled = [
    ...inventory.namespaces.map((n) => ({
      namespace: n.name,
      what: `Namespace ${n.name}`,
      labels: n.labels,
      costs: 'its services get no L7 policy or route',
    })),
    ...inventory.services.map((s) => ({
      namespace: s.namespace,
      what: `Service ${s.namespace}/${s.name}`,
      labels: s.labels,
      costs: 'calls to it get no L7 policy or route',
    })),
    ...inventory.workloads.map((w) => ({
      namespace: w.namespace,
      workload: w.name,
      what: `Workload ${w.name}`,
      labels: w.labels,
      costs: 'calls to its pods get no L7 policy',
    })),
  ];
  const out: CaptureWarning[] = [];
  for (const { what, labels, costs, ...where } of labelled) {
    const ref = waypointLabelOf(labels, where.namespace);
    if (ref === undefined || ref === 'none') continue;
    const lookup = lookUpWaypoint(ref, inventory.gateways);
    if (lookup.found === 'nothing') {
      out.push({
        code: 'waypoint-missing',
        ...where,
        message: `${what} uses waypoint ${refText(ref)}, which does not exist: ${costs} until it is created.`,
      });
    } else if (lookup.found === 'not-a-waypoint') {
      out.push({
        code: 'waypoint-missing',
        ...where,
        message: `${what} uses ${refText(ref)} as its waypoint, but that Gateway is of class ${lookup.gateway.className}, not ${WAYPOINT_CLASS}: ${costs}.`,
      });
    }
  }
  return out;
}

function workloadWarning(
  w: InventoryWorkload,
  ns: InventoryNamespace | undefined,
  inventory: Inventory,
): CaptureWarning | undefined {
  if (!w.dataPlane || w.dataPlane.proxy) return undefined;
  const where = { namespace: w.namespace, workload: w.name };
  const pods = inventory.pods.filter((p) => p.namespace === w.namespace && p.workload === w.name);
  const own = podDataPlaneLabel(
    w.labels,
    pods.map((p) => p.labels),
  );
  const nsAmbient = ns?.labels[DATAPLANE_MODE] === 'ambient';
  const mode = w.dataPlane.mode;
  if (mode === 'sidecar' && (own === 'ambient' || (own === undefined && nsAmbient))) {
    const on = own === 'ambient' ? 'its pods' : `namespace ${w.namespace}`;
    return {
      code: 'sidecar-over-ambient',
      ...where,
      message: `${w.name} has a sidecar and is also enrolled in ambient (istio.io/dataplane-mode=ambient on ${on}): Istio keeps the sidecar and ztunnel leaves its pods alone. Remove one of the two.`,
    };
  }
  if (mode === 'none' && nsAmbient) {
    return {
      code: 'not-captured',
      ...where,
      message: `${w.name} is not captured although namespace ${w.namespace} is ambient (its pods say istio.io/dataplane-mode=${own ?? ''}): its traffic is plaintext and the mesh sees none of it.`,
    };
  }
  if (!namespaceInjects(ns) || mode === 'ambient') return undefined;
  if (mode === 'none') {
    return {
      code: 'sidecar-missing',
      ...where,
      message: `${w.name} runs without a sidecar although namespace ${w.namespace} injects one: its traffic is plaintext and it reports no metrics itself. Restart its pods if they started before injection was turned on.`,
    };
  }
  const bare = pods.filter((p) => !p.hasSidecar).length;
  if (bare === 0) return undefined;
  return {
    code: 'sidecar-missing',
    ...where,
    message: `${bare} of ${pods.length} pods of ${w.name} run without a sidecar, probably started before injection was turned on: their traffic is plaintext. Restart them.`,
  };
}

/** Every capture gap of the inventory, by namespace then workload. */
export function captureWarnings(inventory: Inventory): CaptureWarning[] {
  const namespaces = new Map(inventory.namespaces.map((n) => [n.name, n]));
  const perWorkload = inventory.workloads
    .map((w) => workloadWarning(w, namespaces.get(w.namespace), inventory))
    .filter((w): w is CaptureWarning => w !== undefined);
  return [...waypointWarnings(inventory), ...perWorkload].sort(
    (a, b) =>
      a.namespace.localeCompare(b.namespace) ||
      (a.workload ?? '').localeCompare(b.workload ?? '') ||
      a.message.localeCompare(b.message),
  );
}
