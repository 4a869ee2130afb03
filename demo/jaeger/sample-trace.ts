import {
  HOP_OVERHEAD,
  LOCAL_REPLY_BYTES,
  behaviourModel,
  podErrorRate,
  sampleRequestBytes,
} from '../model/behaviour.js';
import type { Endpoint } from '../model/mesh.js';
import { sampleLogNormal, type Rng } from '../model/random.js';
import type { ResolvedFlow } from '../model/routing.js';
import type { IndexedCall, MeshView } from '../model/view.js';
import type { WorkloadInfo } from '../model/workloads.js';
import type { Topology } from '../scenarios/topology.js';
import type { SimSpan, SimTrace } from './trace-types.js';

/**
 * One request followed through the mesh the way the traffic model routes it, as Envoy traces it:
 * a client span in the calling proxy and a server span in the called sidecar per hop, each tagged
 * like Istio's proxies tag them (see fixtures/kiali/tempo-bookinfo-trace.otlp.json). TCP hops are
 * not traced (Envoy traces HTTP only); retries are left out of traces.
 */
export function sampleTrace(
  view: MeshView,
  behaviours: Topology['behaviours'],
  root: IndexedCall,
  classId: number,
  startMs: number,
  rng: Rng,
): SimTrace | null {
  const ctx: WalkContext = { view, behaviours, rng, classId, spans: [], requestId: uuid(rng) };
  const caller = view.caller(root.callerKey);
  const end = hop(ctx, caller, root, startMs * 1000, undefined, 0);
  if (ctx.spans.length === 0) return null;
  const startUs = Math.min(...ctx.spans.map((s) => s.startUs));
  return {
    traceId: rng.hex(32),
    spans: ctx.spans,
    startUs,
    durationUs: Math.max(1, Math.round(end - startUs)),
  };
}

interface WalkContext {
  view: MeshView;
  behaviours: Topology['behaviours'];
  rng: Rng;
  classId: number;
  spans: SimSpan[];
  requestId: string;
}

const MAX_DEPTH = 12;

/** Returns when the hop ended on the caller's clock (µs). */
function hop(
  ctx: WalkContext,
  caller: WorkloadInfo | null,
  c: IndexedCall,
  startUs: number,
  parentSpanId: string | undefined,
  depth: number,
): number {
  const { rng, view } = ctx;
  const call = c.call;
  if (call.protocol === 'tcp' || depth > MAX_DEPTH) return startUs;
  const flow = pickFlow(rng, view.flows(c, ctx.classId));
  if (!flow) return startUs;
  const envoyCaller = caller && (caller.hasSidecar || caller.isGateway) ? caller : null;
  const operation = `${flow.service.fqdn}:${flow.port}${caller?.isGateway ? call.path.split('?')[0] : '/*'}`;
  const url = `http://${flow.service.external ? flow.service.fqdn : flow.service.name}:${flow.port}${call.path}`;
  const requestSize = call.method === 'GET' ? 0 : sampleRequestBytes(rng, call.method);
  const clientSpanId = rng.hex(16);
  const common = {
    'http.method': call.method,
    'http.url': url,
    'http.protocol': call.protocol === 'grpc' ? 'HTTP/2' : 'HTTP/1.1',
    'guid:x-request-id': ctx.requestId,
    request_size: String(requestSize),
    downstream_cluster: '-',
    user_agent: 'Go-http-client/1.1',
    component: 'proxy',
    'istio.mesh_id': 'cluster.local',
  };
  const wp = flow.waypoint;
  const waypointSpanId = wp ? rng.hex(16) : undefined;
  // A sidecar client of a waypoint-served service sends to the Service it addressed.
  const clientCluster = wp ? `outbound|${call.port}||${wp.addressed.fqdn}` : flow.cluster;
  const clientSpan = (
    durationUs: number,
    status: number,
    flags: string,
    responseSize: number,
    grpcStatus?: string,
  ): void => {
    const error = status >= 500 || status === 0 || (grpcStatus !== undefined && grpcStatus !== '0');
    const outcomeTags = {
      'http.status_code': String(status),
      response_flags: flags,
      response_size: String(responseSize),
      ...(grpcStatus !== undefined ? { 'grpc.status_code': grpcStatus } : {}),
    };
    if (wp && waypointSpanId) {
      // The waypoint proxies the request: one client span per request, named like its Envoy.
      const pod = wp.workload.pods[0];
      const parent = envoyCaller ? clientSpanId : parentSpanId;
      ctx.spans.push({
        spanId: waypointSpanId,
        ...(parent ? { parentSpanId: parent } : {}),
        service: `${wp.workload.canonicalService}.${wp.workload.namespace}`,
        operation,
        kind: 'client',
        startUs: Math.round(startUs + 100),
        durationUs: Math.max(1, Math.round(durationUs - 200)),
        tags: {
          ...common,
          ...proxyTags(wp.workload, pod),
          'peer.address': caller?.pods[0]?.ip ?? '10.244.0.1',
          ...outcomeTags,
          upstream_cluster: flow.cluster,
          'upstream_cluster.name': flow.cluster,
        },
        error,
      });
    }
    if (!envoyCaller) return;
    const pod = envoyCaller.pods[0];
    ctx.spans.push({
      spanId: clientSpanId,
      ...(parentSpanId ? { parentSpanId } : {}),
      service: `${envoyCaller.canonicalService}.${envoyCaller.namespace}`,
      operation,
      kind: 'client',
      startUs: Math.round(startUs),
      durationUs: Math.max(1, Math.round(durationUs)),
      tags: {
        ...common,
        ...proxyTags(envoyCaller, pod),
        ...outcomeTags,
        upstream_cluster: clientCluster,
        'upstream_cluster.name': clientCluster,
      },
      error,
    });
  };
  const overheadUs = (): number => sampleLogNormal(rng, HOP_OVERHEAD) * 1000;

  if (flow.localReply) {
    const d = overheadUs();
    clientSpan(d, flow.localReply.code, flow.localReply.flags, LOCAL_REPLY_BYTES);
    return startUs + d;
  }
  if (flow.abort && rng.next() < flow.abort.fraction) {
    const d = overheadUs();
    clientSpan(d, flow.abort.httpStatus, 'FI', LOCAL_REPLY_BYTES);
    return startUs + d;
  }
  const delayUs = flow.delay && rng.next() < flow.delay.fraction ? flow.delay.ms * 1000 : 0;
  const flagsOf = (base: string): string =>
    delayUs > 0 ? (base === '-' ? 'DI' : `DI,${base}`) : base;
  if (flow.service.external) {
    const b = behaviourModel(ctx.behaviours[flow.service.fqdn]);
    const d = delayUs + sampleLogNormal(rng, b.latency) * 1000 + overheadUs();
    clientSpan(d, 200, flagsOf('-'), Math.round(sampleLogNormal(rng, b.responseBytes)));
    return startUs + d;
  }
  const ep: Endpoint | undefined = flow.endpoints[rng.int(flow.endpoints.length)];
  if (!ep) return startUs;
  const dest = ep.workload;
  const mtls = envoyCaller !== null && dest.hasSidecar && !flow.tlsDisabled;
  if (!mtls && dest.hasSidecar && view.mtlsMode(dest) === 'STRICT') {
    const d = overheadUs();
    clientSpan(d, 503, 'UC', 0);
    return startUs + d;
  }

  const b = behaviourModel(ctx.behaviours[dest.key]);
  const serverStart = startUs + delayUs + overheadUs() / 2;
  const serverSpanId = rng.hex(16);
  let cursor = serverStart + 200 + rng.next() * 800;
  for (const child of view.childCallsByCaller.get(dest.key) ?? []) {
    const perRequest = child.call.perRequest ?? 1;
    const times = Math.floor(perRequest) + (rng.next() < perRequest % 1 ? 1 : 0);
    for (let i = 0; i < times; i++)
      cursor =
        hop(
          ctx,
          dest,
          child,
          cursor,
          dest.hasSidecar
            ? serverSpanId
            : (waypointSpanId ?? clientOrParent(envoyCaller, clientSpanId, parentSpanId)),
          depth + 1,
        ) + 100;
  }
  const serverUs = Math.max(sampleLogNormal(rng, b.latency) * 1000, cursor - serverStart + 300);
  const failed = rng.next() < podErrorRate(b.spec, ep.pod.index, dest.pods.length);
  const grpc = call.protocol === 'grpc';
  const status = grpc ? 200 : failed ? (b.spec.errorStatus ?? 503) : 200;
  const grpcStatus = grpc ? (failed ? String(b.spec.grpcErrorStatus ?? 13) : '0') : undefined;
  const responseSize = failed
    ? LOCAL_REPLY_BYTES
    : Math.round(sampleLogNormal(rng, b.responseBytes));
  let clientUs = serverStart - startUs + serverUs + overheadUs() / 2;
  let clientStatus = status;
  let clientFlags = flagsOf('-');
  if (flow.timeoutMs !== undefined && clientUs > flow.timeoutMs * 1000) {
    clientUs = flow.timeoutMs * 1000;
    clientStatus = 504;
    clientFlags = flagsOf('UT');
  }
  clientSpan(clientUs, clientStatus, clientFlags, responseSize, grpcStatus);
  if (dest.hasSidecar) {
    const pod = ep.pod;
    const timedOut = clientStatus === 504 && status !== 504;
    ctx.spans.push({
      spanId: serverSpanId,
      ...(envoyCaller ? { parentSpanId: clientSpanId } : parentSpanId ? { parentSpanId } : {}),
      service: `${dest.canonicalService}.${dest.namespace}`,
      operation,
      kind: 'server',
      startUs: Math.round(serverStart),
      durationUs: Math.max(1, Math.round(serverUs)),
      tags: {
        ...common,
        ...proxyTags(dest, pod),
        'http.status_code': timedOut ? '0' : String(status),
        response_flags: timedOut ? 'DC' : '-',
        response_size: String(responseSize),
        upstream_cluster: `inbound|${flow.port}||`,
        'upstream_cluster.name': `inbound|${flow.port}||`,
        ...(grpcStatus !== undefined ? { 'grpc.status_code': grpcStatus } : {}),
      },
      error: status >= 500 || timedOut || (grpcStatus !== undefined && grpcStatus !== '0'),
    });
  }
  return startUs + clientUs;
}

/** Without a server sidecar the app's own calls hang off the nearest span we have. */
function clientOrParent(
  envoyCaller: WorkloadInfo | null,
  clientSpanId: string,
  parentSpanId: string | undefined,
): string | undefined {
  return envoyCaller ? clientSpanId : parentSpanId;
}

function proxyTags(
  w: WorkloadInfo,
  pod: WorkloadInfo['pods'][number] | undefined,
): Record<string, string> {
  const ip = pod?.ip ?? '10.244.0.1';
  const kind = w.isWaypoint ? 'waypoint' : w.isGateway ? 'router' : 'sidecar';
  return {
    node_id: `${kind}~${ip}~${pod?.name ?? w.name}.${w.namespace}~${w.namespace}.svc.cluster.local`,
    'istio.canonical_service': w.canonicalService,
    'istio.canonical_revision': w.canonicalRevision,
    'istio.namespace': w.namespace,
    'net.host.ip': ip,
    'peer.address': ip,
  };
}

function pickFlow(rng: Rng, flows: readonly ResolvedFlow[]): ResolvedFlow | undefined {
  let r = rng.next();
  for (const f of flows) {
    if (r < f.share) return f;
    r -= f.share;
  }
  return flows[flows.length - 1];
}

function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
