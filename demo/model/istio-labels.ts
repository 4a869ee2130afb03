import type { WorkloadInfo } from './workloads.js';

/**
 * Istio's standard metric labels, in the order istio_stats.cc emits them (fixtures/README.md):
 * 25 for HTTP/gRPC, the same minus response_code and grpc_response_status (23) for TCP.
 */
export const HTTP_LABEL_NAMES = [
  'reporter',
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'source_workload_namespace',
  'source_principal',
  'source_app',
  'source_version',
  'source_cluster',
  'destination_workload',
  'destination_workload_namespace',
  'destination_principal',
  'destination_app',
  'destination_version',
  'destination_service',
  'destination_canonical_service',
  'destination_canonical_revision',
  'destination_service_name',
  'destination_service_namespace',
  'destination_cluster',
  'request_protocol',
  'response_code',
  'grpc_response_status',
  'response_flags',
  'connection_security_policy',
] as const;

export const TCP_LABEL_NAMES = HTTP_LABEL_NAMES.filter(
  (n) => n !== 'response_code' && n !== 'grpc_response_status',
);

/** ISTIO_META_CLUSTER_ID defaults to "Kubernetes" in a single-cluster install. */
export const CLUSTER_ID = 'Kubernetes';

export interface PeerLabels {
  workload: string;
  namespace: string;
  principal: string;
  app: string;
  version: string;
  canonicalService: string;
  canonicalRevision: string;
  cluster: string;
}

/** Missing peer data is "unknown", except a missing canonical revision, which is "latest". */
export const UNKNOWN_PEER: PeerLabels = {
  workload: 'unknown',
  namespace: 'unknown',
  principal: 'unknown',
  app: 'unknown',
  version: 'unknown',
  canonicalService: 'unknown',
  canonicalRevision: 'latest',
  cluster: 'unknown',
};

/** A workload as a peer; its principal only travels with an mTLS certificate. */
export function peerOf(w: WorkloadInfo, withPrincipal: boolean): PeerLabels {
  return {
    workload: w.name,
    namespace: w.namespace,
    principal: withPrincipal ? w.principal : 'unknown',
    app: w.app,
    version: w.version,
    canonicalService: w.canonicalService,
    canonicalRevision: w.canonicalRevision,
    cluster: CLUSTER_ID,
  };
}

export interface ServiceLabels {
  fqdn: string;
  name: string;
  namespace: string;
}

/** Envoy sidecars and gateways, and ztunnel, report "source"/"destination"; waypoints "waypoint". */
export type Reporter = 'source' | 'destination' | 'waypoint';

export interface SeriesLabels {
  reporter: Reporter;
  source: PeerLabels;
  destination: PeerLabels;
  service: ServiceLabels;
  protocol: 'http' | 'grpc' | 'tcp';
  responseCode: string;
  grpcStatus: string;
  flags: string;
  security: 'mutual_tls' | 'none' | 'unknown';
}

const escape = (v: string): string =>
  v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The label block without braces, e.g. `reporter="source",source_workload="…",…`. */
export function renderLabels(l: SeriesLabels): string {
  const values: Record<(typeof HTTP_LABEL_NAMES)[number], string> = {
    reporter: l.reporter,
    source_workload: l.source.workload,
    source_canonical_service: l.source.canonicalService,
    source_canonical_revision: l.source.canonicalRevision,
    source_workload_namespace: l.source.namespace,
    source_principal: l.source.principal,
    source_app: l.source.app,
    source_version: l.source.version,
    source_cluster: l.source.cluster,
    destination_workload: l.destination.workload,
    destination_workload_namespace: l.destination.namespace,
    destination_principal: l.destination.principal,
    destination_app: l.destination.app,
    destination_version: l.destination.version,
    destination_service: l.service.fqdn,
    destination_canonical_service: l.destination.canonicalService,
    destination_canonical_revision: l.destination.canonicalRevision,
    destination_service_name: l.service.name,
    destination_service_namespace: l.service.namespace,
    destination_cluster: l.destination.cluster,
    request_protocol: l.protocol,
    response_code: l.responseCode,
    grpc_response_status: l.grpcStatus,
    response_flags: l.flags,
    connection_security_policy: l.security,
  };
  const names = l.protocol === 'tcp' ? TCP_LABEL_NAMES : HTTP_LABEL_NAMES;
  return names.map((n) => `${n}="${escape(values[n])}"`).join(',');
}
