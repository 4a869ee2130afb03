import type { CallSpec } from '../scenarios/topology.js';
import { parseDurationMs } from './duration.js';
import {
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
}

export interface OutlierPolicy {
  consecutive5xx: number;
  baseEjectionMs: number;
  maxEjectionPercent: number;
}

/** Resolves a call for one request class. Callers without Envoy bypass Istio routing entirely. */
export function resolveCall(
  mesh: CompiledMesh,
  caller: WorkloadInfo | null,
  call: CallSpec,
  headers: Readonly<Record<string, string>>,
): ResolvedFlow[] {
  const service = mesh.services.get(call.host);
  if (!service) return [];
  const viaEnvoy = caller !== null && (caller.hasSidecar || caller.isGateway);
  if (!viaEnvoy) {
    // kube-proxy picks any pod behind the Service; VirtualServices and DestinationRules do not apply.
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
  const request: RequestShape = { headers, path: call.path, port: call.port };
  const vs = findVirtualService(mesh, service.fqdn, caller.namespace);
  if (!vs) return [destinationFlow(mesh, caller, service.fqdn, '', call.port, 1, {})];
  const vsNamespace = vs.metadata.namespace ?? 'default';
  const route = field
    .arr(field.obj(vs.spec).http)
    .map(field.obj)
    .find((r) => routeMatches(r, request, caller));
  if (!route) {
    return [
      {
        share: 1,
        service,
        subset: '',
        port: call.port,
        localReply: { code: 404, flags: 'NR' },
        endpoints: [],
        retry: retryPolicy(undefined, false),
        tlsDisabled: false,
        cluster: '',
      },
    ];
  }
  const destinations = field.arr(route.route).map(field.obj);
  const total = destinations.reduce((sum, d) => sum + weightOf(d, destinations.length), 0);
  return destinations
    .map((d) => {
      const dest = field.obj(d.destination);
      const host = qualifyHost(String(dest.host ?? ''), vsNamespace);
      const port = Number(field.obj(dest.port).number ?? call.port);
      const share = total > 0 ? weightOf(d, destinations.length) / total : 0;
      return destinationFlow(
        mesh,
        caller,
        host,
        typeof dest.subset === 'string' ? dest.subset : '',
        port,
        share,
        route,
      );
    })
    .filter((f) => f.share > 0);
}

function weightOf(destination: Record<string, unknown>, count: number): number {
  const w = destination.weight;
  return typeof w === 'number' ? w : count === 1 ? 100 : 0;
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
  const fraction = (f: Record<string, unknown>): number => {
    const pct = field.obj(f.percentage).value;
    return typeof pct === 'number' ? Math.min(1, Math.max(0, pct / 100)) : 1;
  };
  const out: Pick<ResolvedFlow, 'abort' | 'delay' | 'timeoutMs'> = {};
  const abort = field.obj(fault.abort);
  if (typeof abort.httpStatus === 'number')
    out.abort = { fraction: fraction(abort), httpStatus: abort.httpStatus };
  const delay = field.obj(fault.delay);
  const delayMs = typeof delay.fixedDelay === 'string' ? parseDurationMs(delay.fixedDelay) : null;
  if (delayMs !== null) out.delay = { fraction: fraction(delay), ms: delayMs };
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
