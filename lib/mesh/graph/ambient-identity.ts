/**
 * Which workloads are waypoint proxies, which are captured by ztunnel (ambient), and which waypoint
 * serves which workload: from the inventory where it says so, else from what the telemetry implies.
 */
import type { DataPlaneMode, Inventory } from '../types';
import type { WaypointRef } from './aggregate';
import { isKnown, workloadId } from './node-ids';
import type { RawEdge } from './pick-reporter';

type Labels = Readonly<Record<string, string>>;

/** Istio labels the Deployments it makes for waypoints (Gateways of class istio-waypoint) so. */
const MANAGED_LABEL = 'gateway.istio.io/managed';
const MESH_CONTROLLER = 'istio.io-mesh-controller';

export const sourceWorkloadId = (l: Labels): string | undefined => {
  const ns = l['source_workload_namespace'];
  const wl = l['source_workload'];
  return isKnown(ns) && isKnown(wl) ? workloadId(ns, wl) : undefined;
};

export const destinationWorkloadId = (l: Labels): string | undefined => {
  const ns = l['destination_workload_namespace'];
  const wl = l['destination_workload'];
  return isKnown(ns) && isKnown(wl) ? workloadId(ns, wl) : undefined;
};

export interface AmbientIdentity {
  /** Waypoint workloads by id. */
  readonly waypoints: ReadonlyMap<string, WaypointRef>;
  /** The data-plane mode of a workload id, undefined when neither source tells. */
  modeOf(id: string): DataPlaneMode | undefined;
  /** The waypoint serving a workload id, if any is known. */
  waypointOf(id: string): WaypointRef | undefined;
}

function inventoryWaypoints(inventory: Inventory): Map<string, WaypointRef> {
  const out = new Map<string, WaypointRef>();
  for (const w of inventory.workloads) {
    if (w.labels[MANAGED_LABEL] === MESH_CONTROLLER)
      out.set(workloadId(w.namespace, w.name), { namespace: w.namespace, name: w.name });
    // A waypoint's Deployment is named after its Gateway.
    const ref = w.dataPlane?.waypoint;
    if (ref !== undefined) out.set(workloadId(ref.namespace, ref.name), ref);
  }
  return out;
}

/**
 * Without an inventory that says so, a workload is taken as ambient when only ztunnel and waypoints
 * see it: a waypoint served it, it talked L4 to or from a waypoint, or a waypoint saw it call without
 * its own proxy ever reporting that call.
 */
function inferAmbient(
  raw: readonly RawEdge[],
  waypoints: ReadonlyMap<string, WaypointRef>,
): { ambient: Set<string>; servedBy: Map<string, WaypointRef> } {
  const ambient = new Set<string>();
  const servedBy = new Map<string, WaypointRef>();
  const ownL7 = new Set<string>();
  const waypointCallers = new Set<string>();
  for (const edge of raw) {
    const src = sourceWorkloadId(edge.labels);
    const dst = destinationWorkloadId(edge.labels);
    const fromWaypoint = src !== undefined ? waypoints.get(src) : undefined;
    const toWaypoint = dst !== undefined && waypoints.has(dst);
    if (edge.protocol === 'tcp') {
      if (fromWaypoint !== undefined && dst !== undefined && !waypoints.has(dst)) {
        ambient.add(dst);
        servedBy.set(dst, fromWaypoint);
      }
      if (toWaypoint && src !== undefined && edge.source !== undefined) ambient.add(src);
    } else {
      if (edge.source !== undefined && src !== undefined) ownL7.add(src);
      if (edge.waypoint !== undefined && dst !== undefined) ambient.add(dst);
      if (edge.waypoint !== undefined && src !== undefined) waypointCallers.add(src);
    }
  }
  for (const id of waypointCallers) if (!ownL7.has(id)) ambient.add(id);
  for (const id of waypoints.keys()) ambient.delete(id);
  return { ambient, servedBy };
}

export function ambientIdentity(inventory: Inventory, raw: readonly RawEdge[]): AmbientIdentity {
  const waypoints = inventoryWaypoints(inventory);
  const declared = new Map<string, { mode: DataPlaneMode; waypoint?: WaypointRef }>();
  for (const w of inventory.workloads) {
    if (w.dataPlane !== undefined) declared.set(workloadId(w.namespace, w.name), w.dataPlane);
  }
  const inferred = inferAmbient(raw, waypoints);
  return {
    waypoints,
    modeOf: (id) => {
      if (waypoints.has(id)) return undefined;
      return declared.get(id)?.mode ?? (inferred.ambient.has(id) ? 'ambient' : undefined);
    },
    waypointOf: (id) => {
      const d = declared.get(id);
      if (d !== undefined && d.mode !== 'ambient') return undefined;
      return d?.waypoint ?? inferred.servedBy.get(id);
    },
  };
}
