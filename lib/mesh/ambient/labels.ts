/**
 * The labels by which Istio enrols pods in ambient mode and binds them to waypoints
 * (https://istio.io/latest/docs/ambient/usage/add-workloads/, …/usage/waypoint/).
 */
export const DATAPLANE_MODE = 'istio.io/dataplane-mode';
export const USE_WAYPOINT = 'istio.io/use-waypoint';
export const USE_WAYPOINT_NAMESPACE = 'istio.io/use-waypoint-namespace';
export const WAYPOINT_FOR = 'istio.io/waypoint-for';
/** Set by Istio on the pods of the Deployment it runs for a Gateway API Gateway. */
export const GATEWAY_NAME = 'gateway.networking.k8s.io/gateway-name';
export const WAYPOINT_CLASS = 'istio-waypoint';

export interface WaypointRef {
  readonly namespace: string;
  readonly name: string;
}

/**
 * What an object's `istio.io/use-waypoint` says: a waypoint (in `istio.io/use-waypoint-namespace`, else
 * the object's own namespace), `none` (an explicit opt-out of a waypoint set further up), or nothing.
 */
export function waypointLabelOf(
  labels: Readonly<Record<string, string>> | undefined,
  namespace: string,
): WaypointRef | 'none' | undefined {
  const name = labels?.[USE_WAYPOINT];
  if (!name) return undefined;
  if (name === 'none') return 'none';
  return { namespace: labels[USE_WAYPOINT_NAMESPACE] || namespace, name };
}

export const refText = (ref: WaypointRef): string => `${ref.namespace}/${ref.name}`;
