import type { IstioObject } from '@/lib/mesh/types';
import { displayHost, serviceFqdn } from './hosts';
import { ambientTargets } from './ambient-hosts';
import type { MeshConfig, Validation } from './types';

export const VIRTUAL_SERVICE_ON_WAYPOINT_CODE = 'MESHLENS-104';

/**
 * A VirtualService for Services a waypoint serves. Istio's ambient docs (Migrate policies): VirtualService
 * support with waypoints is Alpha; it may work in limited cases, HTTPRoute is strongly recommended, and
 * mixing VirtualService and HTTPRoute for the same workload is not supported. DestinationRule traffic
 * policies are supported by waypoints, so a DestinationRule gets no such warning.
 */
export function checkVirtualServiceOnWaypoint(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  const served = ambientTargets(obj, mesh).filter((t) => t.waypoint);
  if (served.length === 0) return [];
  const names = served
    .map(
      (t) =>
        `${displayHost(serviceFqdn(t.service))} (waypoint ${t.waypoint?.namespace}/${t.waypoint?.name})`,
    )
    .join(', ');
  return [
    {
      code: VIRTUAL_SERVICE_ON_WAYPOINT_CODE,
      severity: 'warning',
      message: `A waypoint serves ${names}. VirtualService support with waypoints is Alpha: it may work in limited cases, and Istio strongly recommends an HTTPRoute instead; mixing a VirtualService and an HTTPRoute for the same workload is not supported and leads to undefined behavior.`,
      path: 'spec.hosts',
    },
  ];
}
