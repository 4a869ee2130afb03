import type { DataPlaneMode } from '../types';
import type { WaypointRef } from './labels';

/** "sidecar", "ambient", "ambient + waypoint", "none" or "mixed": the words the lists and cards use. */
export function dataPlaneLabel(mode: DataPlaneMode | 'mixed', waypoint?: WaypointRef): string {
  return mode === 'ambient' && waypoint ? 'ambient + waypoint' : mode;
}

/** A waypoint's name, with its namespace only when it serves another namespace's workloads. */
export function waypointName(waypoint: WaypointRef, from: string): string {
  return waypoint.namespace === from ? waypoint.name : `${waypoint.namespace}/${waypoint.name}`;
}
