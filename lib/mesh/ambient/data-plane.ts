import type {
  DataPlane,
  InventoryGateway,
  InventoryNamespace,
  InventoryService,
  InventoryWorkload,
} from '../types';
import { DATAPLANE_MODE, GATEWAY_NAME, WAYPOINT_CLASS } from './labels';
import { waypointOf } from './waypoints';

/** What decides a workload's data plane, beside the workload itself. */
export interface DataPlaneContext {
  readonly namespace: InventoryNamespace | undefined;
  /** The namespace's Services (any others are ignored). */
  readonly services: readonly InventoryService[];
  /** Undefined when the Gateway API Gateways are not known. */
  readonly gateways: readonly InventoryGateway[] | undefined;
  /** Labels of the workload's running pods: a pod labelled by hand counts like its template. */
  readonly podLabels?: readonly Readonly<Record<string, string>>[];
}

/**
 * The pods' own `istio.io/dataplane-mode`: the template's, else one set on a running pod by hand.
 * Istio reads it per pod; a workload whose pods disagree is rare enough to be shown by its template.
 */
export function podDataPlaneLabel(
  labels: Readonly<Record<string, string>>,
  podLabels: readonly Readonly<Record<string, string>>[] = [],
): string | undefined {
  return labels[DATAPLANE_MODE] ?? podLabels.find((l) => l[DATAPLANE_MODE])?.[DATAPLANE_MODE];
}

/** The Deployment Istio runs for a Gateway API Gateway, and which kind of proxy it is. */
function proxyRole(
  workload: Pick<InventoryWorkload, 'namespace' | 'labels'>,
  gateways: readonly InventoryGateway[] | undefined,
): DataPlane['proxy'] {
  const gatewayName = workload.labels[GATEWAY_NAME];
  if (gatewayName === undefined) return undefined;
  const gateway = gateways?.find(
    (g) => g.namespace === workload.namespace && g.name === gatewayName,
  );
  // Without the Gateway at hand, Istio's own mark on the waypoints it deploys still tells them apart.
  const waypoint = gateway
    ? gateway.className === WAYPOINT_CLASS
    : workload.labels['gateway.istio.io/managed'] === 'istio.io-mesh-controller';
  return waypoint ? 'waypoint' : 'gateway';
}

/**
 * A workload's data plane, decided as Istio decides it: a pod with a sidecar keeps it (Istio's CNI does
 * not redirect such a pod to ztunnel, even in an ambient namespace); otherwise the pod's
 * `istio.io/dataplane-mode` (`ambient` or `none`) wins over the namespace's; otherwise nothing captures
 * it. An ambient workload names the waypoint serving its L7 traffic, if any.
 */
export function dataPlaneOf(
  workload: Pick<InventoryWorkload, 'namespace' | 'labels' | 'hasSidecar'>,
  context: DataPlaneContext,
): DataPlane {
  const proxy = proxyRole(workload, context.gateways);
  if (proxy) return { mode: 'none', proxy };
  if (workload.hasSidecar) return { mode: 'sidecar' };
  const own = podDataPlaneLabel(workload.labels, context.podLabels);
  const mode = own ?? context.namespace?.labels[DATAPLANE_MODE];
  if (mode !== 'ambient') return { mode: 'none' };
  const waypoint = waypointOf(
    workload,
    context.namespace?.labels,
    context.services,
    context.gateways,
  );
  return { mode: 'ambient', ...(waypoint && { waypoint }) };
}
