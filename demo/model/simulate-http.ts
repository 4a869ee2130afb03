import type { CallSpec } from '../scenarios/topology.js';
import {
  HOP_OVERHEAD,
  LOCAL_REPLY_BYTES,
  behaviourModel,
  podErrorRate,
  sampleRequestBytes,
} from './behaviour.js';
import { rbacAllows } from './authz.js';
import { pickEndpoint, noteOutcome } from './outlier.js';
import { sampleLogNormal } from './random.js';
import {
  destinationReport,
  reportConnections,
  reportRequest,
  sourceReport,
  waypointReport,
  ztunnelReport,
  type Outcome,
} from './reports.js';
import type { ResolvedFlow } from './routing.js';
import type { SimContext } from './sim-context.js';
import type { WorkloadInfo } from './workloads.js';

interface Attempt {
  destination: WorkloadInfo;
  latencyMs: number;
  outcome: Outcome;
  responseBytes: number;
}

/** gRPC local replies are trailers-only: HTTP 200 with a grpc-status mapped from the HTTP code. */
const GRPC_FOR_HTTP: Readonly<Record<number, number>> = {
  400: 13,
  403: 7,
  404: 12,
  429: 14,
  500: 13,
  502: 14,
  503: 14,
  504: 4,
};

function localOutcome(call: CallSpec, code: number, flags: string): Outcome {
  return call.protocol === 'grpc'
    ? { code: 200, grpcStatus: String(GRPC_FOR_HTTP[code] ?? 2), flags }
    : { code, grpcStatus: '', flags };
}

/** Share of requests that open a new connection (clients keep connections alive). */
const NEW_CONNECTION_SHARE = 0.02;

/**
 * One request along one resolved flow: faults, endpoint pick, mTLS, retries, timeout, reports.
 * The Envoy that routes is the client's sidecar (or gateway) or, for a flow through a waypoint, the
 * waypoint; ztunnel adds L4 reports for ambient clients and servers.
 */
export function simulateHttpRequest(
  sim: SimContext,
  caller: WorkloadInfo | null,
  call: CallSpec,
  flow: ResolvedFlow,
  classId: number,
): void {
  const { rng, state } = sim;
  const envoyCaller = caller && (caller.hasSidecar || caller.isGateway) ? caller : null;
  const ambientCaller = caller?.ambient ? caller : null;
  const wp = flow.waypoint;
  const router = wp?.workload ?? envoyCaller;
  // Who the server sees as its peer: the waypoint, or the client when it is in the mesh.
  const upstreamPeer = wp?.workload ?? envoyCaller ?? ambientCaller;
  const protocol = call.protocol === 'grpc' ? 'grpc' : 'http';
  const requestBytes = sampleRequestBytes(rng, call.method);
  const newConnections = (): number => (rng.next() < NEW_CONNECTION_SHARE ? 1 : 0);

  /** The client side's reports (and the waypoint's), once per request with the final outcome. */
  const finish = (
    destination: WorkloadInfo | null,
    mtls: boolean,
    outcome: Outcome,
    durationMs: number,
    responseBytes: number,
  ): void => {
    const obs = { durationMs, requestBytes, responseBytes };
    const traffic = { sent: responseBytes, received: requestBytes, opened: newConnections() };
    if (wp) {
      const client = envoyCaller ?? ambientCaller;
      const seen = waypointReport(client, destination, flow.service);
      reportRequest(state, seen, protocol, outcome, obs);
      reportConnections(state, seen, traffic);
      const front = { ...obs, durationMs: durationMs + sampleLogNormal(rng, HOP_OVERHEAD) };
      if (envoyCaller)
        reportRequest(
          state,
          sourceReport(envoyCaller, wp.workload, wp.addressed, true),
          protocol,
          outcome,
          front,
        );
      if (ambientCaller) {
        for (const side of ['source', 'destination'] as const)
          reportConnections(
            state,
            ztunnelReport(side, ambientCaller, wp.workload, wp.addressed, true),
            traffic,
          );
      }
      return;
    }
    if (envoyCaller)
      reportRequest(
        state,
        sourceReport(envoyCaller, destination, flow.service, mtls),
        protocol,
        outcome,
        obs,
      );
    else if (ambientCaller && destination)
      reportConnections(
        state,
        ztunnelReport('source', ambientCaller, destination, flow.service, mtls),
        traffic,
      );
  };
  const local = (code: number, flags: string): void => {
    const durationMs = sampleLogNormal(rng, HOP_OVERHEAD);
    if (router) finish(null, false, localOutcome(call, code, flags), durationMs, LOCAL_REPLY_BYTES);
  };
  if (flow.localReply) return local(flow.localReply.code, flow.localReply.flags);
  if (flow.abort && rng.next() < flow.abort.fraction) return local(flow.abort.httpStatus, 'FI');
  const delayMs = flow.delay && rng.next() < flow.delay.fraction ? flow.delay.ms : 0;

  if (flow.service.external) {
    if (!envoyCaller) return;
    const b = behaviourModel(sim.behaviours[flow.service.fqdn]);
    const failed = rng.next() < (b.spec.errorRate ?? 0);
    const outcome: Outcome = failed
      ? localOutcome(call, b.spec.errorStatus ?? 503, '-')
      : { code: 200, grpcStatus: call.protocol === 'grpc' ? '0' : '', flags: '-' };
    const durationMs =
      delayMs + sampleLogNormal(rng, b.latency) + sampleLogNormal(rng, HOP_OVERHEAD);
    finish(
      null,
      false,
      withDelayFlag(outcome, delayMs),
      durationMs,
      Math.round(sampleLogNormal(rng, b.responseBytes)),
    );
    return;
  }

  /** Whether the hop to the server is mutual TLS (HBONE counts: ztunnel and waypoints speak it). */
  const secureTo = (destination: WorkloadInfo): boolean => {
    if (wp || ambientCaller) return destination.hasSidecar || destination.ambient;
    if (envoyCaller) return (destination.hasSidecar && !flow.tlsDisabled) || destination.ambient;
    return false;
  };
  const attempts: Attempt[] = [];
  let mtls = false;
  let retriable = false;
  for (let attempt = 0; attempt <= flow.retry.attempts; attempt++) {
    const ep = pickEndpoint(sim, flow);
    if (!ep) return local(503, 'UH');
    const destination = ep.workload;
    mtls = secureTo(destination);
    const enforces = destination.hasSidecar || destination.ambient;
    if (!mtls && enforces && sim.view.mtlsMode(destination) === 'STRICT') {
      // STRICT refuses plaintext during the TLS handshake, before any HTTP exists: the server
      // side reports nothing. A routing Envoy (tls DISABLEd by a DestinationRule) sees a reset
      // (503 UC); a client without one reports nothing, so the call is invisible in metrics.
      if (router)
        finish(
          destination,
          false,
          localOutcome(call, 503, 'UC'),
          sampleLogNormal(rng, HOP_OVERHEAD),
          0,
        );
      return;
    }
    const request = {
      principal: mtls && upstreamPeer ? upstreamPeer.principal.replace(/^spiffe:\/\//, '') : '',
      method: call.protocol === 'grpc' ? 'POST' : call.method,
      path: call.path,
      port: call.port,
    };
    if (destination.hasSidecar && !rbacAllows(sim.view.mesh, destination, request)) {
      // The server sidecar's RBAC filter answers before the application sees the request: a 403
      // with response_flags "-", as an application's 403 (a gRPC caller gets PERMISSION_DENIED).
      attempts.push({
        destination,
        latencyMs: sampleLogNormal(rng, HOP_OVERHEAD),
        outcome: localOutcome(call, 403, '-'),
        responseBytes: LOCAL_REPLY_BYTES,
      });
      retriable = false;
      break;
    }
    const b = behaviourModel(sim.behaviours[destination.key]);
    const failed = rng.next() < podErrorRate(b.spec, ep.pod.index, destination.pods.length);
    const outcome: Outcome =
      call.protocol === 'grpc'
        ? { code: 200, grpcStatus: failed ? String(b.spec.grpcErrorStatus ?? 13) : '0', flags: '-' }
        : { code: failed ? (b.spec.errorStatus ?? 503) : 200, grpcStatus: '', flags: '-' };
    const responseBytes = failed
      ? LOCAL_REPLY_BYTES + rng.int(120)
      : Math.round(sampleLogNormal(rng, b.responseBytes));
    attempts.push({
      destination,
      latencyMs: sampleLogNormal(rng, b.latency),
      outcome,
      responseBytes,
    });
    noteOutcome(sim, flow, ep.pod.name, outcome.code >= 500);
    sim.arrive(destination.key, classId);
    retriable = flow.retry.retriable(
      outcome.code,
      call.protocol === 'grpc' ? Number(outcome.grpcStatus) : null,
    );
    if (!retriable) break;
  }

  const last = attempts[attempts.length - 1];
  if (!last) return;
  let clientMs = delayMs;
  for (const a of attempts) clientMs += a.latencyMs + sampleLogNormal(rng, HOP_OVERHEAD);
  const timedOut = flow.timeoutMs !== undefined && clientMs > flow.timeoutMs;
  const exhausted =
    retriable && flow.retry.attempts > 0 && attempts.length === flow.retry.attempts + 1;

  for (const a of attempts) {
    // When the client gives up (route timeout), the server sees its downstream go away: 0 DC.
    const serverOutcome =
      timedOut && a === last ? { code: 0, grpcStatus: '', flags: 'DC' } : a.outcome;
    const durationMs = timedOut && a === last ? (flow.timeoutMs ?? a.latencyMs) : a.latencyMs;
    // A gateway is its own Envoy: it reports the requests it receives like a server sidecar.
    if (a.destination.hasSidecar || a.destination.isGateway)
      reportRequest(
        state,
        destinationReport(upstreamPeer, a.destination, flow.service, mtls),
        protocol,
        serverOutcome,
        { durationMs, requestBytes, responseBytes: a.responseBytes },
      );
    else if (a.destination.ambient)
      reportConnections(
        state,
        ztunnelReport('destination', upstreamPeer, a.destination, flow.service, mtls),
        { sent: a.responseBytes, received: requestBytes, opened: newConnections() },
      );
  }
  if (!router && !ambientCaller) return;
  const final: Outcome = timedOut
    ? localOutcome(call, 504, 'UT')
    : exhausted
      ? { ...last.outcome, flags: 'URX' }
      : last.outcome;
  finish(
    last.destination,
    mtls,
    withDelayFlag(final, delayMs),
    timedOut ? (flow.timeoutMs ?? clientMs) : clientMs,
    timedOut ? LOCAL_REPLY_BYTES : last.responseBytes,
  );
}

/** Envoy joins response flags with commas: a delayed request that timed out is "DI,UT". */
function withDelayFlag(outcome: Outcome, delayMs: number): Outcome {
  if (delayMs <= 0) return outcome;
  return { ...outcome, flags: outcome.flags === '-' ? 'DI' : `DI,${outcome.flags}` };
}
