/**
 * The grouping each buildGraph input expects: the contract with the PromQL builders. `<sel>` below is
 * the namespace filter; to see traffic crossing the selection's border in both directions, and
 * failures whose destination is only half known, select on each namespace label of the edge and join
 * with `or` (series that match several are identical label sets, so `or` keeps one; the last
 * selector leaves out what the first two have):
 *
 *   sum by (<labels>) (rate(<metric>{destination_service_namespace=~"<ns>"}[<window>]))
 *   or
 *   sum by (<labels>) (rate(<metric>{source_workload_namespace=~"<ns>"}[<window>]))
 *   or
 *   sum by (<labels>) (rate(<metric>{destination_workload_namespace=~"<ns>",
 *     destination_service_namespace!~"<ns>",source_workload_namespace!~"<ns>"}[<window>]))
 *
 * Every reporter must be kept (no reporter matcher): buildGraph picks one per edge, and in ambient
 * mode joins ztunnel's (source, destination) with the waypoint's (waypoint).
 */

/** Identifies a raw edge: who called whom, over what. Every input is grouped by at least these. */
export const EDGE_LABELS = [
  'reporter',
  'source_workload_namespace',
  'source_workload',
  'source_canonical_service',
  'source_app',
  'source_version',
  'destination_service_namespace',
  'destination_service_name',
  'destination_workload_namespace',
  'destination_workload',
  'destination_canonical_service',
  'destination_app',
  'destination_version',
  'request_protocol',
  // One value in a single-cluster mesh, so no extra series there; more make nodes per cluster.
  'source_cluster',
  'destination_cluster',
] as const;

/** `sum by (REQUEST_LABELS) (rate(istio_requests_total{<sel>}[<window>]))` */
export const REQUEST_LABELS = [
  ...EDGE_LABELS,
  'response_code',
  'grpc_response_status',
  'response_flags',
  'connection_security_policy',
] as const;

/** `sum by (DURATION_LABELS) (rate(istio_request_duration_milliseconds_bucket{<sel>}[<window>]))` */
export const DURATION_LABELS = [...EDGE_LABELS, 'le'] as const;

/**
 * `sum by (TCP_LABELS) (rate(istio_tcp_sent_bytes_total{<sel>}[<window>]))` and the same for
 * `istio_tcp_received_bytes_total` and `istio_tcp_connections_opened_total`.
 */
export const TCP_LABELS = [...EDGE_LABELS, 'connection_security_policy'] as const;
