import type { InventoryGateway, InventoryService, InventoryWorkload } from '../types';
import { selects } from '../traffic/service-routing';
import { WAYPOINT_CLASS, WAYPOINT_FOR, waypointLabelOf, type WaypointRef } from './labels';

/** The traffic a waypoint takes (`istio.io/waypoint-for`, `service` when unset). */
type TrafficType = 'service' | 'workload';

/** What a `use-waypoint` reference finds among the Gateways. */
export type WaypointLookup =
  | { readonly found: 'waypoint'; readonly gateway: InventoryGateway }
  | { readonly found: 'not-a-waypoint'; readonly gateway: InventoryGateway }
  | { readonly found: 'nothing' }
  /** The Gateways are not known: the reference is taken at its word. */
  | { readonly found: 'unknown' };

export function lookUpWaypoint(
  ref: WaypointRef,
  gateways: readonly InventoryGateway[] | undefined,
): WaypointLookup {
  if (gateways === undefined) return { found: 'unknown' };
  const gateway = gateways.find((g) => g.namespace === ref.namespace && g.name === ref.name);
  if (!gateway) return { found: 'nothing' };
  return gateway.className === WAYPOINT_CLASS
    ? { found: 'waypoint', gateway }
    : { found: 'not-a-waypoint', gateway };
}

function takes(gateway: InventoryGateway, traffic: TrafficType): boolean {
  const forLabel = gateway.labels[WAYPOINT_FOR] ?? 'service';
  return forLabel === 'all' || forLabel === traffic;
}

/** The reference when it names a waypoint that takes this traffic (or when the Gateways are unknown). */
function serving(
  ref: WaypointRef | 'none' | undefined,
  traffic: TrafficType,
  gateways: readonly InventoryGateway[] | undefined,
): WaypointRef | undefined {
  if (ref === undefined || ref === 'none') return undefined;
  const lookup = lookUpWaypoint(ref, gateways);
  if (lookup.found === 'unknown') return ref;
  return lookup.found === 'waypoint' && takes(lookup.gateway, traffic) ? ref : undefined;
}

/** The Services whose selector picks the workload's pods. */
function servicesOf(
  workload: Pick<InventoryWorkload, 'namespace' | 'labels'>,
  services: readonly InventoryService[],
): InventoryService[] {
  return services.filter(
    (s) =>
      s.namespace === workload.namespace &&
      Object.keys(s.selector).length > 0 &&
      selects(s.selector, workload.labels),
  );
}

/**
 * The waypoint that handles an ambient workload's L7 traffic. Most calls address a Service, so the
 * Services' waypoint counts first (the Service's label, else the namespace's), then the one bound to the
 * workload itself (its pods' label, else the namespace's) for calls to the pods' addresses. A waypoint
 * only takes the traffic its `istio.io/waypoint-for` names: a namespace waypoint `for: service` does
 * nothing for a workload that no Service selects.
 */
export function waypointOf(
  workload: Pick<InventoryWorkload, 'namespace' | 'labels'>,
  namespaceLabels: Readonly<Record<string, string>> | undefined,
  services: readonly InventoryService[],
  gateways: readonly InventoryGateway[] | undefined,
): WaypointRef | undefined {
  const byNamespace = waypointLabelOf(namespaceLabels, workload.namespace);
  const viaServices = servicesOf(workload, services)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => serving(waypointLabelOf(s.labels, s.namespace) ?? byNamespace, 'service', gateways))
    .find((ref) => ref !== undefined);
  return (
    viaServices ??
    serving(
      waypointLabelOf(workload.labels, workload.namespace) ?? byNamespace,
      'workload',
      gateways,
    )
  );
}
