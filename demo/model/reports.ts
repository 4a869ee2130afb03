import type { CallSpec } from '../scenarios/topology.js';
import { UNKNOWN_PEER, peerOf, type ServiceLabels } from './istio-labels.js';
import type { ResolvedFlow } from './routing.js';
import { recordHttp, type HttpObservation, type ModelState } from './state.js';
import type { WorkloadInfo } from './workloads.js';

/** The two sides of one HTTP/gRPC request as Envoy reports them. */

export interface Outcome {
  code: number;
  grpcStatus: string;
  flags: string;
}

export const serviceLabels = (flow: ResolvedFlow): ServiceLabels => ({
  fqdn: flow.service.fqdn,
  name: flow.service.name,
  namespace: flow.service.namespace,
});

/**
 * The client sidecar's (or gateway's) view. It reports "unknown" as connection_security_policy:
 * only the server side knows how the connection was authenticated (istio_stats.cc).
 */
export function reportSource(
  state: ModelState,
  caller: WorkloadInfo,
  call: CallSpec,
  flow: ResolvedFlow,
  destination: WorkloadInfo | null,
  mtls: boolean,
  outcome: Outcome,
  obs: HttpObservation,
): void {
  const key = `s|${caller.key}|${destination?.key ?? '-'}|${flow.service.fqdn}|${call.protocol}|${outcome.code}|${outcome.grpcStatus}|${outcome.flags}|${mtls ? 1 : 0}`;
  recordHttp(
    state,
    key,
    () => ({
      reporter: 'source',
      source: peerOf(caller, mtls),
      destination: destination ? peerOf(destination, mtls) : UNKNOWN_PEER,
      service: serviceLabels(flow),
      protocol: call.protocol,
      responseCode: String(outcome.code),
      grpcStatus: outcome.grpcStatus,
      flags: outcome.flags,
      security: 'unknown',
    }),
    obs,
  );
}

/**
 * The server sidecar's view. Without a client sidecar there is no peer metadata, so every source
 * label is "unknown"; a sidecar client without mTLS is still named (metadata travels in headers)
 * but has no principal.
 */
export function reportDestination(
  state: ModelState,
  caller: WorkloadInfo | null,
  call: CallSpec,
  flow: ResolvedFlow,
  destination: WorkloadInfo,
  mtls: boolean,
  outcome: Outcome,
  obs: HttpObservation,
): void {
  const key = `d|${caller?.key ?? '-'}|${destination.key}|${flow.service.fqdn}|${call.protocol}|${outcome.code}|${outcome.grpcStatus}|${outcome.flags}|${mtls ? 1 : 0}`;
  recordHttp(
    state,
    key,
    () => ({
      reporter: 'destination',
      source: caller ? peerOf(caller, mtls) : UNKNOWN_PEER,
      destination: peerOf(destination, mtls),
      service: serviceLabels(flow),
      protocol: call.protocol,
      responseCode: String(outcome.code),
      grpcStatus: outcome.grpcStatus,
      flags: outcome.flags,
      security: mtls ? 'mutual_tls' : 'none',
    }),
    obs,
  );
}
