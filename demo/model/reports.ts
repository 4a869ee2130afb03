import type { CallSpec } from '../scenarios/topology.js';
import { UNKNOWN_PEER, peerOf, type Reporter, type ServiceLabels } from './istio-labels.js';
import type { ServiceInfo } from './mesh.js';
import {
  closedConnections,
  recordHttp,
  recordTcp,
  type HttpObservation,
  type ModelState,
} from './state.js';
import type { WorkloadInfo } from './workloads.js';

/** The reports of one request or connection, as Envoy (sidecar, gateway, waypoint) and ztunnel make them. */

export interface Outcome {
  code: number;
  grpcStatus: string;
  flags: string;
}

const labelsOf = (service: ServiceInfo): ServiceLabels => ({
  fqdn: service.fqdn,
  name: service.name,
  namespace: service.namespace,
});

/** Who reports what about whom: the common part of an L7 and an L4 report. */
export interface Report {
  reporter: Reporter;
  source: WorkloadInfo | null;
  destination: WorkloadInfo | null;
  service: ServiceInfo;
  /** Principals travel only with an mTLS (or HBONE) certificate. */
  mtls: boolean;
  security: 'mutual_tls' | 'none' | 'unknown';
}

function reportKey(r: Report): string {
  return `${r.reporter}|${r.source?.key ?? '-'}|${r.destination?.key ?? '-'}|${r.service.fqdn}|${r.mtls ? 1 : 0}|${r.security}`;
}

function labels(r: Report, protocol: CallSpec['protocol'], outcome: Outcome) {
  return {
    reporter: r.reporter,
    source: r.source ? peerOf(r.source, r.mtls) : UNKNOWN_PEER,
    destination: r.destination ? peerOf(r.destination, r.mtls) : UNKNOWN_PEER,
    service: labelsOf(r.service),
    protocol,
    responseCode: protocol === 'tcp' ? '' : String(outcome.code),
    grpcStatus: outcome.grpcStatus,
    flags: outcome.flags,
    security: r.security,
  };
}

/** One HTTP/gRPC request in istio_requests_total and the request histograms. */
export function reportRequest(
  state: ModelState,
  r: Report,
  protocol: 'http' | 'grpc',
  outcome: Outcome,
  obs: HttpObservation,
): void {
  const key = `${reportKey(r)}|${protocol}|${outcome.code}|${outcome.grpcStatus}|${outcome.flags}`;
  recordHttp(state, key, () => labels(r, protocol, outcome), obs);
}

export interface ConnectionTraffic {
  /** Bytes the destination sent back (istio_tcp_sent_bytes_total). */
  sent: number;
  /** Bytes the destination received (istio_tcp_received_bytes_total). */
  received: number;
  opened: number;
}

/** Connections and bytes in the istio_tcp_* counters; closes only what exceeds the client's pool. */
export function reportConnections(
  state: ModelState,
  r: Report,
  traffic: ConnectionTraffic,
  flags = '-',
): void {
  const key = `t|${reportKey(r)}|${flags}`;
  const closed = closedConnections(state, key, traffic.opened);
  recordTcp(state, key, () => labels(r, 'tcp', { code: 0, grpcStatus: '', flags }), {
    ...traffic,
    closed,
  });
}

/**
 * The client sidecar's (or gateway's) view. It reports "unknown" as connection_security_policy:
 * only the server side knows how the connection was authenticated (istio_stats.cc).
 */
export function sourceReport(
  caller: WorkloadInfo,
  destination: WorkloadInfo | null,
  service: ServiceInfo,
  mtls: boolean,
): Report {
  return { reporter: 'source', source: caller, destination, service, mtls, security: 'unknown' };
}

/**
 * The server sidecar's view. Without a client in the mesh there is no peer metadata, so every source
 * label is "unknown"; a sidecar client without mTLS is still named (metadata travels in headers)
 * but has no principal.
 */
export function destinationReport(
  caller: WorkloadInfo | null,
  destination: WorkloadInfo,
  service: ServiceInfo,
  mtls: boolean,
): Report {
  return {
    reporter: 'destination',
    source: caller,
    destination,
    service,
    mtls,
    security: mtls ? 'mutual_tls' : 'none',
  };
}

/**
 * ztunnel's view, on either side: L4 only, and it knows the connection's security on both sides
 * (HBONE is mutual TLS). A peer outside the mesh is "unknown".
 */
export function ztunnelReport(
  reporter: 'source' | 'destination',
  source: WorkloadInfo | null,
  destination: WorkloadInfo | null,
  service: ServiceInfo,
  mtls: boolean,
): Report {
  return { reporter, source, destination, service, mtls, security: mtls ? 'mutual_tls' : 'none' };
}

/** The waypoint's view: the real client and the real server, the backend Service it routed to. */
export function waypointReport(
  client: WorkloadInfo | null,
  destination: WorkloadInfo | null,
  service: ServiceInfo,
): Report {
  return {
    reporter: 'waypoint',
    source: client,
    destination,
    service,
    mtls: true,
    security: 'mutual_tls',
  };
}
