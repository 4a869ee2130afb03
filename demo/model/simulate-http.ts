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
import { reportDestination, reportSource, type Outcome } from './reports.js';
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

/** One request along one resolved flow: faults, endpoint pick, mTLS, retries, timeout, reports. */
export function simulateHttpRequest(
  sim: SimContext,
  caller: WorkloadInfo | null,
  call: CallSpec,
  flow: ResolvedFlow,
  classId: number,
): void {
  const { rng, state } = sim;
  const envoyCaller = caller && (caller.hasSidecar || caller.isGateway) ? caller : null;
  const requestBytes = sampleRequestBytes(rng, call.method);
  const local = (code: number, flags: string): void => {
    const durationMs = sampleLogNormal(rng, HOP_OVERHEAD);
    if (envoyCaller)
      reportSource(state, envoyCaller, call, flow, null, false, localOutcome(call, code, flags), {
        durationMs,
        requestBytes,
        responseBytes: LOCAL_REPLY_BYTES,
      });
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
    reportSource(state, envoyCaller, call, flow, null, false, withDelayFlag(outcome, delayMs), {
      durationMs,
      requestBytes,
      responseBytes: Math.round(sampleLogNormal(rng, b.responseBytes)),
    });
    return;
  }

  const attempts: Attempt[] = [];
  let mtls = false;
  let retriable = false;
  for (let attempt = 0; attempt <= flow.retry.attempts; attempt++) {
    const ep = pickEndpoint(sim, flow);
    if (!ep) return local(503, 'UH');
    const destination = ep.workload;
    mtls = envoyCaller !== null && destination.hasSidecar && !flow.tlsDisabled;
    if (!mtls && destination.hasSidecar && sim.view.mtlsMode(destination) === 'STRICT') {
      // STRICT refuses plaintext during the TLS handshake, before any HTTP exists: the server
      // sidecar reports nothing. A client sidecar (tls DISABLEd by a DestinationRule) sees a reset
      // (503 UC); a client without a sidecar reports nothing, so the call is invisible in metrics.
      if (envoyCaller)
        reportSource(
          state,
          envoyCaller,
          call,
          flow,
          destination,
          false,
          localOutcome(call, 503, 'UC'),
          { durationMs: sampleLogNormal(rng, HOP_OVERHEAD), requestBytes, responseBytes: 0 },
        );
      return;
    }
    const request = {
      principal: mtls && envoyCaller ? envoyCaller.principal.replace(/^spiffe:\/\//, '') : '',
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
    // A gateway is its own Envoy: it reports the requests it receives like a server sidecar.
    if (!a.destination.hasSidecar && !a.destination.isGateway) continue;
    // When the client gives up (route timeout), the server sees its downstream go away: 0 DC.
    const serverOutcome =
      timedOut && a === last ? { code: 0, grpcStatus: '', flags: 'DC' } : a.outcome;
    reportDestination(state, envoyCaller, call, flow, a.destination, mtls, serverOutcome, {
      durationMs: timedOut && a === last ? (flow.timeoutMs ?? a.latencyMs) : a.latencyMs,
      requestBytes,
      responseBytes: a.responseBytes,
    });
  }
  if (!envoyCaller) return;
  const final: Outcome = timedOut
    ? localOutcome(call, 504, 'UT')
    : exhausted
      ? { ...last.outcome, flags: 'URX' }
      : last.outcome;
  reportSource(
    state,
    envoyCaller,
    call,
    flow,
    last.destination,
    mtls,
    withDelayFlag(final, delayMs),
    {
      durationMs: timedOut ? (flow.timeoutMs ?? clientMs) : clientMs,
      requestBytes,
      responseBytes: timedOut ? LOCAL_REPLY_BYTES : last.responseBytes,
    },
  );
}

/** Envoy joins response flags with commas: a delayed request that timed out is "DI,UT". */
function withDelayFlag(outcome: Outcome, delayMs: number): Outcome {
  if (delayMs <= 0) return outcome;
  return { ...outcome, flags: outcome.flags === '-' ? 'DI' : `DI,${outcome.flags}` };
}
