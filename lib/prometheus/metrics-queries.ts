import { DURATION_LABELS, EDGE_LABELS } from '@/lib/mesh/graph/labels';
import type { NodeRef } from '@/lib/mesh/graph/parse-node-id';
import type { Protocol } from '@/lib/mesh/types';
import { byLabels, regexEscape, selector, type LabelMatcherValue } from './promql';

export type Matchers = Record<string, LabelMatcherValue | undefined>;

/** A side-panel chart: one edge, or the inbound traffic of one node (`protocol` undefined: http + grpc). */
export type MetricsQueryTarget =
  | {
      readonly kind: 'edge';
      readonly source: NodeRef;
      readonly target: NodeRef;
      readonly protocol: Protocol;
    }
  | { readonly kind: 'node'; readonly node: NodeRef; readonly protocol: Protocol | undefined };

/** Two range queries per chart: requests + duration buckets, or bytes sent + received. */
export type MetricsQueries =
  | { readonly kind: 'requests'; readonly requests: string; readonly durations: string }
  | { readonly kind: 'tcp'; readonly tcpSent: string; readonly tcpReceived: string };

const REQUEST_SERIES_LABELS = [...EDGE_LABELS, 'response_code', 'grpc_response_status'] as const;

/** Istio reports a missing version as "unknown", Prometheus a missing label as "". */
const versionMatcher = (v: string | undefined): LabelMatcherValue => v ?? { re: '|unknown' };

/**
 * A pre-filter that keeps every series the graph would map to this node as a caller (a superset: the
 * exact choice is made in lib/mesh/metric-series). The unknown caller has no filter; the target side
 * narrows enough. canonical_service is what Istio derives from the app label, so it names the app.
 */
export function sourceMatchers(ref: NodeRef): Matchers {
  return 'cluster' in ref && ref.cluster !== undefined
    ? { ...unclusteredSourceMatchers(ref), source_cluster: ref.cluster }
    : unclusteredSourceMatchers(ref);
}

/**
 * The callee's cluster, or none named: some Istio versions report destination_cluster "unknown" for
 * traffic in the caller's cluster, which the graph then draws there (lib/mesh/graph/endpoints.ts).
 */
export function targetMatchers(ref: NodeRef): Matchers {
  return 'cluster' in ref && ref.cluster !== undefined
    ? {
        ...unclusteredTargetMatchers(ref),
        destination_cluster: { re: `${regexEscape(ref.cluster)}|unknown|` },
      }
    : unclusteredTargetMatchers(ref);
}

function unclusteredSourceMatchers(ref: NodeRef): Matchers {
  switch (ref.kind) {
    case 'workload':
      return { source_workload_namespace: ref.namespace, source_workload: ref.workload };
    case 'app':
      return { source_workload_namespace: ref.namespace, source_canonical_service: ref.app };
    case 'versionedApp':
      return {
        source_workload_namespace: ref.namespace,
        source_canonical_service: ref.app,
        source_version: versionMatcher(ref.version),
      };
    // A service graph caller is whichever workload serves only this service; decided from the data.
    case 'service':
      return { source_workload_namespace: ref.namespace };
    case 'unknownSource':
      return {};
    case 'unknownDestination':
    case 'external':
      throw new Error(`A ${ref.kind} node never calls anything`);
  }
}

function unclusteredTargetMatchers(ref: NodeRef): Matchers {
  switch (ref.kind) {
    case 'workload':
      return { destination_workload_namespace: ref.namespace, destination_workload: ref.workload };
    case 'app':
      return {
        destination_workload_namespace: ref.namespace,
        destination_canonical_service: ref.app,
      };
    case 'versionedApp':
      return {
        destination_workload_namespace: ref.namespace,
        destination_canonical_service: ref.app,
        destination_version: versionMatcher(ref.version),
      };
    case 'service':
      return {
        destination_service_namespace: ref.namespace,
        destination_service_name: ref.service,
      };
    case 'external':
      return { destination_service_name: ref.host };
    case 'unknownDestination':
      return { destination_workload: { re: '|unknown' } };
    case 'unknownSource':
      throw new Error('The unknown caller never receives traffic');
  }
}

function protocolMatchers(protocol: Protocol | undefined): Matchers {
  if (protocol === 'grpc') return { request_protocol: 'grpc' };
  if (protocol === 'http') return { request_protocol: { ne: 'grpc' } };
  return {};
}

function rate(metric: string, labels: readonly string[], m: Matchers, rateSeconds: number): string {
  return `sum ${byLabels(labels)} (rate(${selector(metric, m)}[${Math.round(rateSeconds)}s]))`;
}

/**
 * The range queries behind one chart, grouped like the graph's queries (both reporters kept) so that
 * lib/mesh picks the reporter per raw edge exactly as the graph does.
 */
export function metricsQueries(target: MetricsQueryTarget, rateSeconds: number): MetricsQueries {
  const ends =
    target.kind === 'edge'
      ? { ...sourceMatchers(target.source), ...targetMatchers(target.target) }
      : targetMatchers(target.node);
  // The service graph learns which service a calling workload stands for from the traffic it
  // receives, so a service caller's query also brings the traffic into its namespace.
  const served =
    target.kind === 'edge' && target.source.kind === 'service'
      ? { destination_workload_namespace: target.source.namespace }
      : undefined;
  const withServed = (q: string, metric: string, labels: readonly string[]): string =>
    served === undefined ? q : `${q} or ${rate(metric, labels, served, rateSeconds)}`;

  if (target.protocol === 'tcp') {
    const sent = 'istio_tcp_sent_bytes_total';
    return {
      kind: 'tcp',
      tcpSent: withServed(rate(sent, EDGE_LABELS, ends, rateSeconds), sent, EDGE_LABELS),
      tcpReceived: rate('istio_tcp_received_bytes_total', EDGE_LABELS, ends, rateSeconds),
    };
  }
  const m = { ...ends, ...protocolMatchers(target.protocol) };
  const requests = 'istio_requests_total';
  return {
    kind: 'requests',
    requests: withServed(
      rate(requests, REQUEST_SERIES_LABELS, m, rateSeconds),
      requests,
      REQUEST_SERIES_LABELS,
    ),
    durations: rate('istio_request_duration_milliseconds_bucket', DURATION_LABELS, m, rateSeconds),
  };
}
