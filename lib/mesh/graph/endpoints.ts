/**
 * Which graph node each end of a raw edge becomes, per graph type.
 *
 * Workload, app and versionedApp graphs do not inject service nodes between callers and callees
 * (Kiali does): the edge goes straight to the workload that served the request, which reads better.
 * A service node appears there only when no workload served the request (destination_workload
 * "unknown" while the service is known: no healthy upstream, a fault injected at the client, …), so
 * those failures still have somewhere to point. In the service graph, as in Kiali, edges go
 * service → service: a caller becomes the one service it serves (learned from the traffic it
 * receives), or stays a workload node when it serves none or several (gateways, clients, jobs).
 */
import type { GraphType, NodeKind } from '../types';
import {
  UNKNOWN_DESTINATION_ID,
  UNKNOWN_SOURCE_ID,
  appId,
  externalId,
  inCluster,
  isKnown,
  serviceId,
  versionedAppId,
  workloadId,
} from './node-ids';

type Labels = Readonly<Record<string, string>>;

export interface Endpoint {
  readonly id: string;
  readonly kind: NodeKind;
  readonly namespace: string;
  readonly name: string;
  readonly app?: string;
  readonly version?: string;
  readonly workload?: string;
  readonly service?: string;
  /** Multi-cluster meshes only: the cluster the node is in, also at the end of its id. */
  readonly cluster?: string;
}

/** Hosts outside the mesh: Istio's catch-all clusters plus MESH_EXTERNAL ServiceEntry hosts. */
export class ExternalHosts {
  private readonly exact: Set<string>;
  private readonly suffixes: readonly string[];

  constructor(serviceEntryHosts: readonly string[]) {
    this.exact = new Set(['PassthroughCluster', 'BlackHoleCluster']);
    const suffixes: string[] = [];
    for (const h of serviceEntryHosts) {
      if (h.startsWith('*.')) suffixes.push(h.slice(1));
      else this.exact.add(h);
    }
    this.suffixes = suffixes;
  }

  has(host: string): boolean {
    return this.exact.has(host) || this.suffixes.some((s) => host.endsWith(s));
  }
}

export interface EndpointContext {
  readonly type: GraphType;
  readonly external: ExternalHosts;
  /** Services each workload id received traffic as, by service id (for the service graph's callers). */
  readonly servedBy: ReadonlyMap<string, ReadonlyMap<string, Endpoint>>;
  /** Workload ids (single-cluster form) of the inventory, for traffic Istio could not name a service for. */
  readonly knownWorkloads?: { has(id: string): boolean };
  /** The metrics name more than one cluster: nodes are per cluster (see inCluster). */
  readonly multiCluster?: boolean;
}

const UNKNOWN_SOURCE: Endpoint = {
  id: UNKNOWN_SOURCE_ID,
  kind: 'unknown',
  namespace: 'unknown',
  name: 'unknown',
};
const UNKNOWN_DESTINATION: Endpoint = {
  id: UNKNOWN_DESTINATION_ID,
  kind: 'unknown',
  namespace: 'unknown',
  name: 'unknown',
};

/** canonical_service is what Istio itself calls the app; the app label is the older fallback. */
function appOf(canonical: string | undefined, app: string | undefined): string | undefined {
  if (isKnown(canonical)) return canonical;
  return isKnown(app) ? app : undefined;
}

/** Istio's catch-all clusters: the proxy forwarded to an address no service of the mesh owns. */
const CATCH_ALL: ReadonlySet<string> = new Set(['PassthroughCluster', 'BlackHoleCluster']);

/** `name.namespace.svc…`: how a caller names a Kubernetes service by host. */
const SERVICE_HOST = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(\.|$)/;

function sourceCluster(labels: Labels, multiCluster: boolean | undefined): string | undefined {
  const c = labels['source_cluster'];
  return multiCluster === true && isKnown(c) ? c : undefined;
}

/**
 * Some Istio versions report destination_cluster "unknown" for traffic that stayed in the caller's
 * cluster (istio/istio#29373); the caller's cluster is then the best guess, as Kiali makes it.
 */
function destinationCluster(labels: Labels, multiCluster: boolean | undefined): string | undefined {
  if (multiCluster !== true) return undefined;
  const c = labels['destination_cluster'];
  return isKnown(c) ? c : sourceCluster(labels, multiCluster);
}

/** The endpoint in one cluster; the unknown caller and hosts outside the mesh belong to none. */
export function inClusterEndpoint(e: Endpoint, cluster: string | undefined): Endpoint {
  if (cluster === undefined || e.kind === 'unknown' || e.kind === 'external') return e;
  return { ...e, id: inCluster(e.id, cluster), cluster };
}

export function workloadEndpoint(
  type: GraphType,
  namespace: string,
  workload: string,
  app: string | undefined,
  rawVersion: string | undefined,
): Endpoint {
  const version = isKnown(rawVersion) ? rawVersion : undefined;
  const wl: Endpoint = {
    id: workloadId(namespace, workload),
    kind: 'workload',
    namespace,
    name: workload,
    workload,
    app,
    version,
  };
  // A workload without an app identity stays a workload node in app graphs, as in Kiali.
  if (app === undefined || type === 'workload' || type === 'service') return wl;
  if (type === 'app') return { id: appId(namespace, app), kind: 'app', namespace, name: app, app };
  return {
    id: versionedAppId(namespace, app, version),
    kind: 'app',
    namespace,
    name: app,
    app,
    version,
  };
}

export function serviceEndpoint(namespace: string, service: string): Endpoint {
  return { id: serviceId(namespace, service), kind: 'service', namespace, name: service, service };
}

export function sourceEndpoint(labels: Labels, ctx: EndpointContext): Endpoint {
  const namespace = labels['source_workload_namespace'];
  const workload = labels['source_workload'];
  if (!isKnown(workload) || !isKnown(namespace)) return UNKNOWN_SOURCE;
  const app = appOf(labels['source_canonical_service'], labels['source_app']);
  const cluster = sourceCluster(labels, ctx.multiCluster);
  const wl = inClusterEndpoint(
    workloadEndpoint(ctx.type, namespace, workload, app, labels['source_version']),
    cluster,
  );
  if (ctx.type !== 'service') return wl;
  const served = ctx.servedBy.get(wl.id);
  if (served?.size !== 1) return wl;
  const [svc] = served.values();
  return svc ?? wl;
}

/** Which services each workload served, from any reporter's view of the traffic. */
export function servedServices(
  edges: Iterable<{ readonly labels: Labels }>,
  external: ExternalHosts,
  multiCluster = false,
): Map<string, Map<string, Endpoint>> {
  const out = new Map<string, Map<string, Endpoint>>();
  for (const { labels } of edges) {
    const service = labels['destination_service_name'];
    const serviceNs = labels['destination_service_namespace'];
    const workload = labels['destination_workload'];
    const workloadNs = labels['destination_workload_namespace'];
    if (!isKnown(service) || !isKnown(serviceNs) || !isKnown(workload) || !isKnown(workloadNs))
      continue;
    if (external.has(service)) continue;
    const cluster = destinationCluster(labels, multiCluster);
    const wl = inCluster(workloadId(workloadNs, workload), cluster);
    let services = out.get(wl);
    if (services === undefined) out.set(wl, (services = new Map()));
    const svc = inClusterEndpoint(serviceEndpoint(serviceNs, service), cluster);
    services.set(svc.id, svc);
  }
  return out;
}

/**
 * The service a request addressed, when Istio names one. Its namespace is "unknown" where the caller
 * addressed a host no service of its cluster owns (another cluster's, an egress gateway's); a host
 * of the form name.namespace.svc still says which service it is.
 */
function addressedService(
  service: string | undefined,
  serviceNs: string | undefined,
): { readonly name: string; readonly namespace: string } | undefined {
  if (!isKnown(service)) return undefined;
  if (isKnown(serviceNs)) return { name: service, namespace: serviceNs };
  const host = SERVICE_HOST.exec(service);
  if (host?.[1] !== undefined && host[3] !== undefined)
    return { name: host[1], namespace: host[3] };
  return { name: service, namespace: 'unknown' };
}

/** No workload answered, yet Istio knows the app the request was for. */
function appEndpoint(
  type: GraphType,
  namespace: string,
  app: string,
  rawVersion: string | undefined,
): Endpoint {
  const version = isKnown(rawVersion) ? rawVersion : undefined;
  const id =
    type === 'versionedApp' ? versionedAppId(namespace, app, version) : appId(namespace, app);
  return {
    id,
    kind: 'app',
    namespace,
    name: app,
    app,
    ...(type === 'versionedApp' && { version }),
  };
}

function unclusteredDestination(labels: Labels, ctx: EndpointContext): Endpoint {
  const service = labels['destination_service_name'];
  const serviceNs = labels['destination_service_namespace'];
  const workload = labels['destination_workload'];
  const workloadNs = labels['destination_workload_namespace'];
  const hasWorkload = isKnown(workload) && isKnown(workloadNs);
  const app = appOf(labels['destination_canonical_service'], labels['destination_app']);
  const version = labels['destination_version'];
  if (isKnown(service) && ctx.external.has(service)) {
    // A catch-all cluster still names the peer when it answered through its proxy: a workload
    // Meshlens knows is drawn as itself, not as "somewhere outside".
    if (
      hasWorkload &&
      CATCH_ALL.has(service) &&
      ctx.knownWorkloads?.has(workloadId(workloadNs, workload)) === true
    )
      return workloadEndpoint(ctx.type, workloadNs, workload, app, version);
    const namespace = isKnown(serviceNs) ? serviceNs : 'unknown';
    return { id: externalId(service), kind: 'external', namespace, name: service, service };
  }
  const svc = addressedService(service, serviceNs);
  // A host no service owns names no service node worth drawing when a workload answered it.
  const serviceGraphNode = ctx.type === 'service' && svc?.namespace !== 'unknown';
  if (svc !== undefined && (serviceGraphNode || !hasWorkload))
    return serviceEndpoint(svc.namespace, svc.name);
  if (hasWorkload) return workloadEndpoint(ctx.type, workloadNs, workload, app, version);
  const appNs = isKnown(serviceNs) ? serviceNs : isKnown(workloadNs) ? workloadNs : undefined;
  if (app !== undefined && appNs !== undefined) return appEndpoint(ctx.type, appNs, app, version);
  return UNKNOWN_DESTINATION;
}

export function destinationEndpoint(labels: Labels, ctx: EndpointContext): Endpoint {
  return inClusterEndpoint(
    unclusteredDestination(labels, ctx),
    destinationCluster(labels, ctx.multiCluster),
  );
}
