import type { ConfigSource, KubeObject } from '../kube/types.js';
import { listGatewayApi } from './gateway-api.js';
import {
  GATEWAY_NAME_LABEL,
  field,
  listWorkloads,
  namespaceLabels,
  type WorkloadInfo,
} from './workloads.js';

/** The live config, indexed for the traffic model. Rebuilt whenever ConfigSource.revision() moves. */

export interface ServiceInfo {
  fqdn: string;
  /** destination_service_name: the Service name, or the host for a ServiceEntry. */
  name: string;
  namespace: string;
  selector: Readonly<Record<string, string>>;
  /** Declared by a MESH_EXTERNAL ServiceEntry: no pods, no destination-side telemetry. */
  external: boolean;
  /** The waypoint that serves this service (istio.io/use-waypoint), when it exists and is deployed. */
  waypoint?: WorkloadInfo;
  /** istio.io/ingress-use-waypoint: gateways send to the waypoint too instead of straight to pods. */
  ingressUseWaypoint?: boolean;
}

export interface CompiledMesh {
  revision: number;
  workloads: ReadonlyMap<string, WorkloadInfo>;
  workloadsByNamespace: ReadonlyMap<string, readonly WorkloadInfo[]>;
  services: ReadonlyMap<string, ServiceInfo>;
  virtualServices: readonly KubeObject[];
  destinationRules: readonly KubeObject[];
  peerAuthentications: readonly KubeObject[];
  authorizationPolicies: readonly KubeObject[];
  namespaceLabels: ReadonlyMap<string, Record<string, string>>;
  /** Gateway API Gateways (waypoints and ingress), HTTPRoutes, GRPCRoutes and ReferenceGrants. */
  k8sGateways: readonly KubeObject[];
  httpRoutes: readonly KubeObject[];
  grpcRoutes: readonly KubeObject[];
  referenceGrants: readonly KubeObject[];
}

export const CLUSTER_DOMAIN = 'svc.cluster.local';

/** A host as written in a VirtualService/DestinationRule in `namespace`, made fully qualified. */
export function qualifyHost(host: string, namespace: string): string {
  if (host.endsWith(`.${CLUSTER_DOMAIN}`)) return host;
  const parts = host.split('.');
  if (parts.length === 1) return `${host}.${namespace}.${CLUSTER_DOMAIN}`;
  if (parts.length === 2 || (parts.length === 3 && parts[2] === 'svc'))
    return `${parts[0]}.${parts[1]}.${CLUSTER_DOMAIN}`;
  return host;
}

export function compileMesh(config: ConfigSource): CompiledMesh {
  const nsLabels = namespaceLabels(config);
  const workloads = listWorkloads(config, nsLabels);
  const k8sGateways = listGatewayApi(config, 'k8sgateways');
  const services = new Map<string, ServiceInfo>();
  for (const svc of config.list('services')) {
    const namespace = svc.metadata.namespace ?? 'default';
    const fqdn = `${svc.metadata.name}.${namespace}.${CLUSTER_DOMAIN}`;
    const labels = svc.metadata.labels ?? {};
    const waypoint = waypointOf(
      labels,
      nsLabels.get(namespace) ?? {},
      namespace,
      k8sGateways,
      workloads,
    );
    services.set(fqdn, {
      fqdn,
      name: svc.metadata.name,
      namespace,
      selector: field.labels(field.obj(svc.spec).selector),
      external: false,
      ...(waypoint ? { waypoint } : {}),
      ...(labels['istio.io/ingress-use-waypoint'] === 'true' ? { ingressUseWaypoint: true } : {}),
    });
  }
  for (const se of config.list('serviceentries')) {
    const spec = field.obj(se.spec);
    const namespace = se.metadata.namespace ?? 'default';
    for (const host of field.arr(spec.hosts)) {
      if (typeof host !== 'string' || services.has(host)) continue;
      services.set(host, {
        fqdn: host,
        name: host,
        namespace,
        selector: {},
        external: spec.location !== 'MESH_INTERNAL',
      });
    }
  }
  const workloadsByNamespace = new Map<string, WorkloadInfo[]>();
  for (const w of workloads)
    workloadsByNamespace.set(w.namespace, [...(workloadsByNamespace.get(w.namespace) ?? []), w]);
  return {
    revision: config.revision(),
    workloads: new Map(workloads.map((w) => [w.key, w])),
    workloadsByNamespace,
    services,
    virtualServices: config.list('virtualservices'),
    destinationRules: config.list('destinationrules'),
    peerAuthentications: config.list('peerauthentications'),
    authorizationPolicies: config.list('authorizationpolicies'),
    namespaceLabels: nsLabels,
    k8sGateways,
    httpRoutes: listGatewayApi(config, 'httproutes'),
    grpcRoutes: listGatewayApi(config, 'grpcroutes'),
    referenceGrants: listGatewayApi(config, 'referencegrants'),
  };
}

const USE_WAYPOINT = 'istio.io/use-waypoint';
const USE_WAYPOINT_NAMESPACE = 'istio.io/use-waypoint-namespace';

/**
 * The waypoint a Service uses: its own istio.io/use-waypoint label, else its namespace's ("none" opts
 * out). The waypoint must be a Gateway of class istio-waypoint that serves services
 * (istio.io/waypoint-for service or all) and istiod must have deployed it; otherwise Istio has no
 * waypoint to send to and traffic goes straight to the pods. A waypoint's own Service uses none.
 */
function waypointOf(
  serviceLabels: Readonly<Record<string, string>>,
  nsLabels: Readonly<Record<string, string>>,
  namespace: string,
  gateways: readonly KubeObject[],
  workloads: readonly WorkloadInfo[],
): WorkloadInfo | undefined {
  if (serviceLabels[GATEWAY_NAME_LABEL] !== undefined) return undefined;
  const source = serviceLabels[USE_WAYPOINT] !== undefined ? serviceLabels : nsLabels;
  const name = source[USE_WAYPOINT];
  if (!name || name === 'none') return undefined;
  const wpNamespace = source[USE_WAYPOINT_NAMESPACE] ?? namespace;
  const gateway = gateways.find(
    (g) =>
      g.metadata.namespace === wpNamespace &&
      g.metadata.name === name &&
      field.obj(g.spec).gatewayClassName === 'istio-waypoint',
  );
  const waypointFor = gateway?.metadata.labels?.['istio.io/waypoint-for'] ?? 'service';
  if (!gateway || (waypointFor !== 'service' && waypointFor !== 'all')) return undefined;
  return workloads.find(
    (w) => w.namespace === wpNamespace && w.gatewayName === name && w.pods.length > 0,
  );
}

/** Pods behind a service (optionally narrowed by subset labels), with their workloads. */
export function endpointsOf(
  mesh: CompiledMesh,
  service: ServiceInfo,
  subsetLabels: Readonly<Record<string, string>> = {},
): Endpoint[] {
  if (service.external || Object.keys(service.selector).length === 0) return [];
  const out: Endpoint[] = [];
  for (const workload of mesh.workloadsByNamespace.get(service.namespace) ?? []) {
    for (const pod of workload.pods) {
      const labels = pod.labels;
      let ok = true;
      for (const [k, v] of Object.entries(service.selector)) if (labels[k] !== v) ok = false;
      for (const [k, v] of Object.entries(subsetLabels)) if (labels[k] !== v) ok = false;
      if (ok) out.push({ workload, pod });
    }
  }
  return out;
}

export interface Endpoint {
  workload: WorkloadInfo;
  pod: WorkloadInfo['pods'][number];
}
