import type {
  DataPlane,
  InventoryNamespace,
  InventoryService,
  InventoryWorkload,
  IstioObject,
} from '@/lib/mesh/types';
import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
import { hostMatches, resolveHost, serviceFqdn } from './hosts';
import type { MeshConfig } from './types';

/** A Service the object's host names, and how its workloads are captured. */
export interface AmbientTarget {
  readonly service: InventoryService;
  /** Every selected workload is ambient; `waypoint` when some waypoint serves them. */
  readonly waypoint?: { readonly namespace: string; readonly name: string };
}

/**
 * A workload's data plane: what the inventory says, else its namespace's labels (istio.io/dataplane-mode,
 * istio.io/use-waypoint) for an inventory built without it.
 */
function dataPlaneOf(w: InventoryWorkload, ns: InventoryNamespace | undefined): DataPlane {
  if (w.dataPlane) return w.dataPlane;
  if (w.hasSidecar) return { mode: 'sidecar' };
  if (ns?.labels['istio.io/dataplane-mode'] !== 'ambient') return { mode: 'none' };
  const waypoint = ns.labels['istio.io/use-waypoint'];
  return {
    mode: 'ambient',
    ...(waypoint && waypoint !== 'none' && { waypoint: { namespace: ns.name, name: waypoint } }),
  };
}

const selects = (s: InventoryService, w: InventoryWorkload): boolean =>
  w.namespace === s.namespace &&
  Object.keys(s.selector).length > 0 &&
  Object.entries(s.selector).every(([k, v]) => w.labels[k] === v);

/** The hosts a VirtualService routes for sidecars (bound to `mesh`) or a DestinationRule's host. */
function meshHosts(obj: IstioObject): readonly string[] {
  if (obj.kind === 'DestinationRule')
    return typeof obj.spec.host === 'string' ? [obj.spec.host] : [];
  if (obj.kind !== 'VirtualService') return [];
  const vs = readVirtualServiceSpec(obj.spec);
  const gateways = vs.gateways.map((g) => g.ref);
  return gateways.length === 0 || gateways.includes('mesh') ? vs.hosts : [];
}

/** The Services this object applies to in the mesh whose workloads are all ambient. */
export function ambientTargets(obj: IstioObject, mesh: MeshConfig): AmbientTarget[] {
  const hosts = meshHosts(obj).map((h) => resolveHost(h, obj.namespace));
  const { services, workloads, namespaces } = mesh.inventory;
  return services
    .filter((s) => hosts.some((h) => hostMatches(h, serviceFqdn(s))))
    .flatMap((service): AmbientTarget[] => {
      const ns = namespaces.find((n) => n.name === service.namespace);
      const planes = workloads.filter((w) => selects(service, w)).map((w) => dataPlaneOf(w, ns));
      if (planes.length === 0 || planes.some((p) => p.mode !== 'ambient')) return [];
      const waypoint = planes.find((p) => p.waypoint)?.waypoint;
      return [{ service, ...(waypoint && { waypoint }) }];
    });
}
