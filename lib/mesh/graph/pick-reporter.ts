/**
 * Istio reports every request twice when both sides have a proxy: once from the client side
 * (reporter="source") and once from the server side (reporter="destination"). Summing both double
 * counts, so each raw edge (one caller → one callee over one protocol) uses exactly one reporter:
 *
 * - reporter="source" whenever it exists, i.e. the caller has a sidecar or is a gateway. Only the
 *   client proxy sees failures that never reach the server (timeouts, injected faults, connection
 *   failures, no healthy upstream), and it is the only witness for traffic leaving the mesh
 *   (PassthroughCluster, ServiceEntry hosts, BlackHoleCluster).
 * - reporter="waypoint" next: in ambient mode a waypoint proxy reports the L7 of the real caller and
 *   callee; ztunnel, which reports source and destination there, sees L4 only (see ./ambient-measure.ts
 *   for how its L4 joins the waypoint's L7 without counting anything twice).
 * - reporter="destination" otherwise: the caller has no proxy (no sidecar, or outside the mesh, seen
 *   as source_workload="unknown"), so the server proxy is the only witness.
 *
 * Known gap: a caller that is only partly injected has its uninjected pods' reports dropped where the
 * injected pods report the same raw edge.
 */
import { responseClass, isClientError, isServerError } from '../health/request-counts';
import type { Protocol, Sample } from '../types';
import { parseLe } from './histogram-quantile';
import { isKnown, workloadId } from './node-ids';
import { RawEdgeIndex } from './raw-edge-index';

type Labels = Readonly<Record<string, string>>;

/** What one reporter says about one raw edge. Rates per second; mutated only while collecting. */
export interface ReporterView {
  requests: number;
  serverErrors: number;
  clientErrors: number;
  codes: { '2xx': number; '3xx': number; '4xx': number; '5xx': number; other: number };
  /** Requests (or bytes for TCP) by connection_security_policy. */
  mtls: number;
  plaintext: number;
  unknownSecurity: number;
  /** Duration bucket rates by upper bound (ms). */
  buckets: Map<number, number>;
  sentBytes: number;
  receivedBytes: number;
  /** TCP connections opened per second. */
  connections: number;
}

export interface RawEdge {
  /** Labels of the first sample seen; only EDGE_LABELS other than reporter are meaningful. */
  readonly labels: Labels;
  readonly protocol: Protocol;
  source?: ReporterView;
  destination?: ReporterView;
  waypoint?: ReporterView;
}

export interface ReporterInputs {
  readonly requests: readonly Sample[];
  readonly durations: readonly Sample[];
  readonly tcpSent: readonly Sample[];
  readonly tcpReceived: readonly Sample[];
  /** istio_tcp_connections_opened_total rates grouped by TCP_LABELS; none where not asked for. */
  readonly tcpOpened?: readonly Sample[];
}

export function emptyView(): ReporterView {
  return {
    requests: 0,
    serverErrors: 0,
    clientErrors: 0,
    codes: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 },
    mtls: 0,
    plaintext: 0,
    unknownSecurity: 0,
    buckets: new Map(),
    sentBytes: 0,
    receivedBytes: 0,
    connections: 0,
  };
}

function requestProtocol(labels: Labels): Protocol {
  return labels['request_protocol'] === 'grpc' ? 'grpc' : 'http';
}

function addSecurity(view: ReporterView, policy: string | undefined, amount: number): void {
  if (policy === 'mutual_tls') view.mtls += amount;
  else if (policy === 'none') view.plaintext += amount;
  else view.unknownSecurity += amount;
}

/**
 * Groups samples of all four inputs by raw edge, keeping each reporter's view apart. The edges come
 * in the order first seen, so that sums downstream add up in a stable order.
 */
export function collectRawEdges(inputs: ReporterInputs): readonly RawEdge[] {
  const edges = new RawEdgeIndex<RawEdge>();
  const viewFor = (labels: Labels, protocol: Protocol): ReporterView | undefined => {
    const reporter = labels['reporter'];
    if (reporter !== 'source' && reporter !== 'destination' && reporter !== 'waypoint')
      return undefined;
    const edge = edges.getOrCreate(labels, protocol, (first) => ({ labels: first, protocol }));
    return (edge[reporter] ??= emptyView());
  };

  for (const s of inputs.requests) {
    if (!(s.value > 0)) continue;
    const view = viewFor(s.labels, requestProtocol(s.labels));
    if (view === undefined) continue;
    const code = s.labels['response_code'] ?? '';
    const grpc = s.labels['grpc_response_status'];
    view.requests += s.value;
    if (isServerError(code, grpc)) view.serverErrors += s.value;
    if (isClientError(code, grpc)) view.clientErrors += s.value;
    view.codes[responseClass(code, grpc)] += s.value;
    addSecurity(view, s.labels['connection_security_policy'], s.value);
  }
  for (const s of inputs.durations) {
    const le = parseLe(s.labels['le']);
    if (le === undefined || !(s.value >= 0)) continue;
    const view = viewFor(s.labels, requestProtocol(s.labels));
    if (view === undefined) continue;
    view.buckets.set(le, (view.buckets.get(le) ?? 0) + s.value);
  }
  for (const [samples, field] of [
    [inputs.tcpSent, 'sentBytes'],
    [inputs.tcpReceived, 'receivedBytes'],
  ] as const) {
    for (const s of samples) {
      if (!(s.value > 0)) continue;
      const view = viewFor(s.labels, 'tcp');
      if (view === undefined) continue;
      view[field] += s.value;
      addSecurity(view, s.labels['connection_security_policy'], s.value);
    }
  }
  for (const s of inputs.tcpOpened ?? []) {
    if (!(s.value > 0)) continue;
    const view = viewFor(s.labels, 'tcp');
    if (view !== undefined) view.connections += s.value;
  }
  return edges.values;
}

/** The reporter a raw edge is measured on, per the rule above; undefined for an edge with no data. */
export function pickReporter(edge: RawEdge): ReporterView | undefined {
  return edge.source ?? edge.waypoint ?? edge.destination;
}

/**
 * mTLS-protected traffic of the chosen view, in its own unit (requests or bytes per second). Some
 * Istio versions label source reports connection_security_policy="unknown"; that part takes the
 * destination reporter's mTLS share for the same raw edge, and counts as plaintext when there is none
 * (traffic leaving the mesh is never mTLS to an external host).
 */
export function mtlsAmount(edge: RawEdge, chosen: ReporterView): number {
  if (chosen.unknownSecurity === 0) return chosen.mtls;
  const other = chosen === edge.source ? edge.destination : undefined;
  const otherKnown = other === undefined ? 0 : other.mtls + other.plaintext;
  const fallbackShare = other !== undefined && otherKnown > 0 ? other.mtls / otherKnown : 0;
  return chosen.mtls + chosen.unknownSecurity * fallbackShare;
}

/** Workload ids seen reporting through their own proxy: evidence of a sidecar (or a gateway). */
export function proxiedWorkloads(edges: Iterable<RawEdge>): Set<string> {
  const out = new Set<string>();
  for (const edge of edges) {
    const l = edge.labels;
    if (
      edge.source !== undefined &&
      isKnown(l['source_workload']) &&
      isKnown(l['source_workload_namespace'])
    ) {
      out.add(workloadId(l['source_workload_namespace'], l['source_workload']));
    }
    const dw = l['destination_workload'];
    const dns = l['destination_workload_namespace'];
    if (edge.destination !== undefined && isKnown(dw) && isKnown(dns)) out.add(workloadId(dns, dw));
  }
  return out;
}
