import type { IstioObject } from '@/lib/mesh/types';
import { displayHost, serviceFqdn } from './hosts';
import { ambientTargets } from './ambient-hosts';
import type { MeshConfig, Validation } from './types';

/** Istio has no analyzer message for it; Kiali's ambient checks (KIA131x) look at workloads, not config. */
export const AMBIENT_NO_WAYPOINT_CODE = 'MESHLENS-103';

/**
 * A VirtualService or DestinationRule for Services whose workloads are ambient with no waypoint: ztunnel
 * handles L4 only and applies neither, so it has no effect on traffic from ambient clients (sidecars
 * and gateways that call these Services still apply it). A waypoint is what brings L7 to them.
 */
export function checkAmbientNoWaypoint(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'VirtualService' && obj.kind !== 'DestinationRule') return [];
  const bare = ambientTargets(obj, mesh).filter((t) => !t.waypoint);
  if (bare.length === 0) return [];
  const names = bare.map((t) => displayHost(serviceFqdn(t.service))).join(', ');
  return [
    {
      code: AMBIENT_NO_WAYPOINT_CODE,
      severity: 'warning',
      message: `${names} ${bare.length > 1 ? 'run' : 'runs'} in ambient mode without a waypoint: ztunnel handles only L4 and ignores this ${obj.kind}, so it has no effect on traffic from ambient clients (only sidecars and gateways apply it). Add a waypoint (istio.io/use-waypoint) for L7 features, or use an HTTPRoute on one.`,
      path: obj.kind === 'VirtualService' ? 'spec.hosts' : 'spec.host',
    },
  ];
}
