import { namespaceInjects } from '../istio/injection';
import type { DataPlaneMode, Inventory, InventoryNamespace } from '../types';
import { DATAPLANE_MODE, waypointLabelOf, type WaypointRef } from './labels';
import { lookUpWaypoint } from './waypoints';

export interface NamespaceDataPlane {
  /** What its workloads run; `mixed` when they differ; from the namespace's labels when it has none. */
  readonly mode: DataPlaneMode | 'mixed';
  /** The namespace's waypoint (`istio.io/use-waypoint`), when it exists and some workload is ambient. */
  readonly waypoint?: WaypointRef;
  /** Workloads per mode, the waypoints and gateways Istio runs left out. */
  readonly workloads: Readonly<Record<DataPlaneMode, number>>;
}

function modeOfLabels(ns: InventoryNamespace): DataPlaneMode {
  if (namespaceInjects(ns)) return 'sidecar';
  return ns.labels[DATAPLANE_MODE] === 'ambient' ? 'ambient' : 'none';
}

/** The namespace's data plane, from its workloads' (lib/kube fills `dataPlane` on each). */
export function namespaceDataPlane(
  inventory: Inventory,
  ns: InventoryNamespace,
): NamespaceDataPlane {
  const workloads: Record<DataPlaneMode, number> = { sidecar: 0, ambient: 0, none: 0 };
  for (const w of inventory.workloads) {
    if (w.namespace !== ns.name || !w.dataPlane || w.dataPlane.proxy) continue;
    workloads[w.dataPlane.mode] += 1;
  }
  const present = (Object.keys(workloads) as DataPlaneMode[]).filter((m) => workloads[m] > 0);
  const mode = present.length > 1 ? 'mixed' : (present[0] ?? modeOfLabels(ns));
  const ref = waypointLabelOf(ns.labels, ns.name);
  const usable =
    (mode === 'ambient' || workloads.ambient > 0) &&
    ref !== undefined &&
    ref !== 'none' &&
    ['waypoint', 'unknown'].includes(lookUpWaypoint(ref, inventory.gateways).found);
  return { mode, ...(usable && { waypoint: ref }), workloads };
}
