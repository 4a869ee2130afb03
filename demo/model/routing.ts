import type { CallSpec } from '../scenarios/topology.js';
import { parseDurationMs } from './duration.js';
import type { KubeObject } from '../kube/types.js';
import {
  GATEWAY_API_GROUP,
  backendRefs,
  hostnameMatches,
  listenerAllows,
  parentRefs,
  referencePermitted,
  selectRule,
} from './gateway-api.js';
import {
  CLUSTER_DOMAIN,
  endpointsOf,
  qualifyHost,
  type CompiledMesh,
  type Endpoint,
  type ServiceInfo,
} from './mesh.js';
import { retryPolicy, type RetryPolicy } from './retry.js';
import { field, type WorkloadInfo } from './workloads.js';
import {
  findDestinationRule,
  findVirtualService,
  routeMatches,
  type RequestShape,
} from './config-lookup.js';

/**
 * One way a call's requests go once Envoy has applied the VirtualService and DestinationRule:
 * a share of the call's requests, where they end up, and what the route does to them.
 */
export interface ResolvedFlow {
  /** Share (0..1) of the call's requests (of one request class) taking this flow. */
  share: number;
  service: ServiceInfo;
  subset: string;
  port: number;
  /** Envoy answers itself, before any upstream: 404 NR (no route), 503 NC (no cluster), 503 UH. */
  localReply?: { code: number; flags: string };
  endpoints: readonly Endpoint[];
  abort?: { fraction: number; httpStatus: number };
  delay?: { fraction: number; ms: number };
  timeoutMs?: number;
  retry: RetryPolicy;
  outlier?: OutlierPolicy;
  /** DestinationRule tls.mode DISABLE: the client sidecar sends plaintext even to a sidecar. */
  tlsDisabled: boolean;
  /** Envoy's cluster name, e.g. outbound|9080|v2|reviews.bookinfo.svc.cluster.local (trace tag). */
  cluster: string;
  /**
   * The request goes through a waypoint: the client reaches `workload` for the Service it addressed,
   * and the waypoint applies the routing above (service = the backend it picked).
   */
  waypoint?: { workload: WorkloadInfo; addressed: ServiceInfo };
}

export interface OutlierPolicy {
  consecutive5xx: number;
  baseEjectionMs: number;
  maxEjectionPercent: number;
}

/**
 * Resolves a call for one request class. Callers without Envoy bypass Istio routing entirely, unless
 * the Service has a waypoint and the caller is in the mesh (ambient or sidecar): then the waypoint
 * routes. A Gateway API gateway routes a hostname by the HTTPRoutes attached to its Gateway.
 */
export function resolveCall(
  mesh: CompiledMesh,
  caller: WorkloadInfo | null,
  call: CallSpec,
  headers: Readonly<Record<string, string>>,
): ResolvedFlow[] {
  if (caller?.gatewayName && !caller.isWaypoint && !mesh.services.has(call.host))
    return ingressFlows(mesh, caller, call, headers);
  const service = mesh.services.get(call.host);
  if (!service) return [];
  const inMesh = caller !== null && (caller.hasSidecar || caller.isGateway || caller.ambient);
  // Ingress gateways go straight to the pods unless the service asks for its waypoint.
  if (service.waypoint && inMesh && (!caller.isGateway || service.ingressUseWaypoint))
    return viaWaypoint(mesh, service.waypoint, service, caller, call, headers);
  const viaEnvoy = caller !== null && (caller.hasSidecar || caller.isGateway);
  if (!viaEnvoy) {
    // kube-proxy (or ztunnel, at L4) picks any pod behind the Service: no L7 routing applies.
    return [
      {
        share: 1,
        service,
        subset: '',
        port: call.port,
        endpoints: endpointsOf(mesh, service),
        retry: retryPolicy(undefined, false),
        tlsDisabled: true,
        cluster: '',
      },
    ];
  }
  return envoyRouting(mesh, caller, caller, service, call, headers);
}

/** Routing as one Envoy (sidecar, gateway or waypoint) applies it to a request from `source`. */
function envoyRouting(
  mesh: CompiledMesh,
  router: WorkloadInfo,
  source: WorkloadInfo,
  service: ServiceInfo,
  call: CallSpec,
  headers: Readonly<Record<string, string>>,
): ResolvedFlow[] {
  const gamma = gammaRoutes(mesh, service, call, source.namespace);
  if (gamma.length > 0) return gatewayApiFlows(mesh, router, gamma, call, headers, service);
  const request: RequestShape = { headers, path: call.path, port: call.port };
  const vs = findVirtualService(mesh, service.fqdn, source.namespace);
  if (!vs) return [destinationFlow(mesh, router, service.fqdn, '', call.port, 1, {})];
  const vsNamespace = vs.metadata.namespace ?? 'default';
  const route = field
    .arr(field.obj(vs.spec).http)
    .map(field.obj)
    .find((r) => routeMatches(r, request, source));
  if (!route) return [noRoute(service, call.port)];
  const destinations = field.arr(route.route).map(field.obj);
  const total = destinations.reduce((sum, d) => sum + weightOf(d), 0);
  return destinations
    .map((d) => {
      const dest = field.obj(d.destination);
      const host = qualifyHost(String(dest.host ?? ''), vsNamespace);
      const port = Number(field.obj(dest.port).number ?? call.port);
      // Istio sends a lone destination everything, whatever its weight (0 or none included).
      const share =
        destinations.length === 1 ? 1 : total > 0 ? Math.max(0, weightOf(d)) / total : 0;
      return destinationFlow(
        mesh,
        router,
        host,
        typeof dest.subset === 'string' ? dest.subset : '',
        port,
        share,
        route,
      );
    })
    .filter((f) => f.share > 0);
}

/**
 * The waypoint routes with the HTTPRoutes (or GRPCRoutes) whose parent is the Service; a
 * VirtualService for the host is used only when no such route exists: Istio supports VirtualService
 * on waypoints as alpha and says mixing both for one service is undefined, and Gateway API routes
 * are what its waypoints are built for.
 */
function viaWaypoint(
  mesh: CompiledMesh,
  waypoint: WorkloadInfo,
  service: ServiceInfo,
  caller: WorkloadInfo,
  call: CallSpec,
  headers: Readonly<Record<string, string>>,
): ResolvedFlow[] {
  const flows =
    call.protocol === 'tcp'
      ? [destinationFlow(mesh, waypoint, service.fqdn, '', call.port, 1, {})]
      : envoyRouting(mesh, waypoint, caller, service, call, headers);
  return flows.map((f) => ({ ...f, waypoint: { workload: waypoint, addressed: service } }));
}

/** GAMMA: routes whose parentRef is this Service (and port); a consumer route in the caller's namespace wins. */
function gammaRoutes(
  mesh: CompiledMesh,
  service: ServiceInfo,
  call: CallSpec,
  callerNamespace: string,
): KubeObject[] {
  if (call.protocol === 'tcp') return [];
  const candidates = [...mesh.httpRoutes, ...(call.protocol === 'grpc' ? mesh.grpcRoutes : [])];
  const attached = candidates.filter((r) =>
    parentRefs(r).some(
      (p) =>
        p.group === '' &&
        p.kind === 'Service' &&
        p.name === service.name &&
        p.namespace === service.namespace &&
        (p.port === undefined || p.port === call.port),
    ),
  );
  const consumer = attached.filter(
    (r) => r.metadata.namespace === callerNamespace && callerNamespace !== service.namespace,
  );
  if (consumer.length > 0) return consumer;
  return attached.filter((r) => r.metadata.namespace === service.namespace);
}

/** A Gateway API gateway: the listener for the host and port, then the routes attached to it. */
function ingressFlows(
  mesh: CompiledMesh,
  gatewayWorkload: WorkloadInfo,
  call: CallSpec,
  headers: Readonly<Record<string, string>>,
): ResolvedFlow[] {
  const gw = mesh.k8sGateways.find(
    (g) =>
      g.metadata.namespace === gatewayWorkload.namespace &&
      g.metadata.name === gatewayWorkload.gatewayName,
  );
  if (!gw) return [];
  const gwNs = gw.metadata.namespace ?? 'default';
  const hostInfo = hostService(call.host);
  const listeners = field
    .arr(field.obj(gw.spec).listeners)
    .map(field.obj)
    .filter((l) => l.port === call.port && hostnameMatches(l.hostname, call.host));
  const routes = [...mesh.httpRoutes, ...(call.protocol === 'grpc' ? mesh.grpcRoutes : [])].filter(
    (r) => {
      const routeNs = r.metadata.namespace ?? 'default';
      const hostnames = field.arr(field.obj(r.spec).hostnames);
      if (hostnames.length > 0 && !hostnames.some((h) => hostnameMatches(h, call.host)))
        return false;
      return parentRefs(r).some(
        (p) =>
          p.group === GATEWAY_API_GROUP &&
          p.kind === 'Gateway' &&
          p.namespace === gwNs &&
          p.name === gw.metadata.name &&
          (p.port === undefined || p.port === call.port) &&
          listeners.some(
            (l) =>
              (p.sectionName === undefined || p.sectionName === l.name) &&
              listenerAllows(l, gwNs, routeNs, mesh.namespaceLabels),
          ),
      );
    },
  );
  if (routes.length === 0) return [noRoute(hostInfo, call.port)];
  return gatewayApiFlows(mesh, gatewayWorkload, routes, call, headers, hostInfo).flatMap((f) => {
    const backend = f.localReply ? undefined : mesh.services.get(f.service.fqdn);
    if (!backend?.waypoint || !backend.ingressUseWaypoint) return [f];
    return viaWaypoint(
      mesh,
      backend.waypoint,
      backend,
      gatewayWorkload,
      { ...call, host: backend.fqdn, port: f.port },
      headers,
    ).map((w) => ({ ...w, share: w.share * f.share }));
  });
}

/**
 * The flows of the rule a request takes: one per backendRef by relative weight. A backendRef to a
 * Service that does not exist, or across namespaces without a ReferenceGrant, answers 500 for its
 * share of the traffic, as the Gateway API asks of implementations (and Istio does).
 */
function gatewayApiFlows(
  mesh: CompiledMesh,
  router: WorkloadInfo,
  routes: readonly KubeObject[],
  call: CallSpec,
  headers: Readonly<Record<string, string>>,
  addressed: ServiceInfo,
): ResolvedFlow[] {
  const choice = selectRule(
    routes,
    { path: call.path, method: call.protocol === 'grpc' ? 'POST' : call.method, headers },
    call.protocol === 'grpc',
  );
  if (!choice) return [noRoute(addressed, call.port)];
  const backends = backendRefs(choice.route, choice.rule);
  const total = backends.reduce((sum, b) => sum + Math.max(0, b.weight), 0);
  if (total <= 0) return [{ ...noRoute(addressed, call.port), localReply: INVALID_BACKEND }];
  const routeNs = choice.route.metadata.namespace ?? 'default';
  return backends
    .filter((b) => b.weight > 0)
    .map((b) => {
      const fqdn = `${b.name}.${b.namespace}.${CLUSTER_DOMAIN}`;
      const port = b.port ?? call.port;
      const share = b.weight / total;
      const valid =
        b.isService &&
        mesh.services.has(fqdn) &&
        referencePermitted(mesh.referenceGrants, choice.route.kind, routeNs, b.namespace, b.name);
      const flow = destinationFlow(mesh, router, fqdn, '', port, share, {});
      return valid ? flow : { ...flow, endpoints: [], localReply: INVALID_BACKEND };
    });
}

const INVALID_BACKEND = { code: 500, flags: '-' } as const;

function noRoute(service: ServiceInfo, port: number): ResolvedFlow {
  return {
    share: 1,
    service,
    subset: '',
    port,
    localReply: { code: 404, flags: 'NR' },
    endpoints: [],
    retry: retryPolicy(undefined, false),
    tlsDisabled: false,
    cluster: '',
  };
}

/** A request host that is no Service (a gateway's hostname), as Envoy labels it. */
function hostService(host: string): ServiceInfo {
  return { fqdn: host, name: host, namespace: 'unknown', selector: {}, external: false };
}

/** A destination's weight beside others: none written is 0, as Istio reads it. */
function weightOf(destination: Record<string, unknown>): number {
  const w = destination.weight;
  return typeof w === 'number' ? w : 0;
}

function destinationFlow(
  mesh: CompiledMesh,
  caller: WorkloadInfo,
  fqdn: string,
  subset: string,
  port: number,
  share: number,
  route: Record<string, unknown>,
): ResolvedFlow {
  const service = mesh.services.get(fqdn) ?? {
    fqdn,
    name: fqdn.split('.')[0] ?? fqdn,
    namespace: 'unknown',
    selector: {},
    external: false,
  };
  const cluster = `outbound|${port}|${subset}|${fqdn}`;
  const base = {
    share,
    service,
    subset,
    port,
    retry: retryPolicy(route.retries, true),
    cluster,
    ...routeFaults(route),
  };
  const dr = findDestinationRule(mesh, fqdn, caller.namespace);
  const drSpec = field.obj(dr?.spec);
  let policy = field.obj(drSpec.trafficPolicy);
  let subsetLabels: Record<string, string> = {};
  if (subset) {
    const def = field
      .arr(drSpec.subsets)
      .map(field.obj)
      .find((s) => s.name === subset);
    if (!def)
      return { ...base, localReply: { code: 503, flags: 'NC' }, endpoints: [], tlsDisabled: false };
    subsetLabels = field.labels(def.labels);
    policy = { ...policy, ...field.obj(def.trafficPolicy) };
  }
  const exists = mesh.services.has(fqdn);
  const endpoints = exists ? endpointsOf(mesh, service, subsetLabels) : [];
  const tlsMode = portTlsMode(policy, port);
  const flow: ResolvedFlow = {
    ...base,
    endpoints,
    tlsDisabled: tlsMode === 'DISABLE',
    outlier: outlierPolicy(policy.outlierDetection),
  };
  if (!exists) return { ...flow, localReply: { code: 503, flags: 'NC' } };
  if (!service.external && endpoints.length === 0)
    return { ...flow, localReply: { code: 503, flags: 'UH' } };
  return flow;
}

function portTlsMode(policy: Record<string, unknown>, port: number): unknown {
  const portLevel = field
    .arr(policy.portLevelSettings)
    .map(field.obj)
    .find((p) => field.obj(p.port).number === port);
  return field.obj(field.obj(portLevel).tls).mode ?? field.obj(policy.tls).mode;
}

function routeFaults(
  route: Record<string, unknown>,
): Pick<ResolvedFlow, 'abort' | 'delay' | 'timeoutMs'> {
  const fault = field.obj(route.fault);
  // `percentage.value`, else a delay's deprecated integer `percent`, else none: Istio then hands
  // Envoy no percentage and Envoy injects the fault into no request (istio/istio#36303).
  const fraction = (f: Record<string, unknown>): number => {
    const pct = field.obj(f.percentage).value ?? f.percent;
    return typeof pct === 'number' ? Math.min(1, Math.max(0, pct / 100)) : 0;
  };
  const out: Pick<ResolvedFlow, 'abort' | 'delay' | 'timeoutMs'> = {};
  const abort = field.obj(fault.abort);
  if (typeof abort.httpStatus === 'number' && fraction(abort) > 0)
    out.abort = { fraction: fraction(abort), httpStatus: abort.httpStatus };
  const delay = field.obj(fault.delay);
  const delayMs = typeof delay.fixedDelay === 'string' ? parseDurationMs(delay.fixedDelay) : null;
  if (delayMs !== null && fraction(delay) > 0)
    out.delay = { fraction: fraction(delay), ms: delayMs };
  const timeoutMs = typeof route.timeout === 'string' ? parseDurationMs(route.timeout) : null;
  if (timeoutMs) out.timeoutMs = timeoutMs;
  return out;
}

function outlierPolicy(value: unknown): OutlierPolicy | undefined {
  if (value === undefined) return undefined;
  const od = field.obj(value);
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
  return {
    consecutive5xx: num(od.consecutive5xxErrors ?? od.consecutiveErrors, 5),
    baseEjectionMs: parseDurationMs(String(od.baseEjectionTime ?? '30s')) ?? 30_000,
    maxEjectionPercent: num(od.maxEjectionPercent, 10),
  };
}
