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
  const wl = workloadEndpoint(ctx.type, namespace, workload, app, labels['source_version']);
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
    const wl = workloadId(workloadNs, workload);
    let services = out.get(wl);
    if (services === undefined) out.set(wl, (services = new Map()));
    const svc = serviceEndpoint(serviceNs, service);
    services.set(svc.id, svc);
  }
  return out;
}

export function destinationEndpoint(labels: Labels, ctx: EndpointContext): Endpoint {
  const service = labels['destination_service_name'];
  const serviceNs = labels['destination_service_namespace'];
  const workload = labels['destination_workload'];
  const workloadNs = labels['destination_workload_namespace'];
  if (isKnown(service) && ctx.external.has(service)) {
    const namespace = isKnown(serviceNs) ? serviceNs : 'unknown';
    return { id: externalId(service), kind: 'external', namespace, name: service, service };
  }
  const hasService = isKnown(service) && isKnown(serviceNs);
  const hasWorkload = isKnown(workload) && isKnown(workloadNs);
  if (hasService && (ctx.type === 'service' || !hasWorkload))
    return serviceEndpoint(serviceNs, service);
  if (!hasWorkload) return UNKNOWN_DESTINATION;
  const app = appOf(labels['destination_canonical_service'], labels['destination_app']);
  return workloadEndpoint(ctx.type, workloadNs, workload, app, labels['destination_version']);
}
