import { DURATION_LABELS, EDGE_LABELS, REQUEST_LABELS, TCP_LABELS } from '@/lib/mesh/graph/labels';
import type { Window } from '@/lib/mesh/types';
import { assertDuration, byLabels, namespaceRegex, selector } from './promql';

export interface GraphQueries {
  readonly requests: string;
  readonly durations: string;
  readonly tcpSent: string;
  readonly tcpReceived: string;
  readonly tcpOpened: string;
}

/**
 * Namespace labels that put a series in the selection. The destination has two: a sidecar caller
 * names the service it addressed (destination_service_namespace) even when no workload answered (a
 * 503 UH or NR has destination_workload "unknown"), while the callee's own proxy always names its
 * workload's namespace (destination_workload_namespace) even when the service namespace is
 * "unknown" (callers outside the mesh, an egress gateway, PassthroughCluster to a pod, another
 * cluster). A selector on either alone drops the other's traffic, as Kiali's queries show.
 */
const SELECTING_LABELS = [
  'destination_service_namespace',
  'destination_workload_namespace',
  'source_workload_namespace',
] as const;

/**
 * The rate of `metric` grouped by `labels`, for traffic into or out of the namespaces (or all of them).
 * One selector per SELECTING_LABELS joined with `or`, still one query: a series matching several has
 * the same label set on each side (every selecting label is among the grouping labels), so `or` keeps
 * it once.
 */
function rateQuery(
  metric: string,
  labels: readonly string[],
  namespaces: readonly string[] | 'all',
  window: Window,
): string {
  const range = assertDuration(window);
  const by = byLabels(labels);
  if (namespaces === 'all') return `sum ${by} (rate(${selector(metric)}[${range}]))`;
  const re = namespaceRegex(namespaces);
  return SELECTING_LABELS.map(
    (label) => `sum ${by} (rate(${selector(metric, { [label]: { re } })}[${range}]))`,
  ).join(' or ');
}

/** The five queries behind one graph, whatever the number of namespaces (buildGraph's inputs). */
export function graphQueries(namespaces: readonly string[] | 'all', window: Window): GraphQueries {
  return {
    requests: rateQuery('istio_requests_total', REQUEST_LABELS, namespaces, window),
    durations: rateQuery(
      'istio_request_duration_milliseconds_bucket',
      DURATION_LABELS,
      namespaces,
      window,
    ),
    tcpSent: rateQuery('istio_tcp_sent_bytes_total', TCP_LABELS, namespaces, window),
    tcpReceived: rateQuery('istio_tcp_received_bytes_total', TCP_LABELS, namespaces, window),
    tcpOpened: rateQuery('istio_tcp_connections_opened_total', TCP_LABELS, namespaces, window),
  };
}

/**
 * Request rates by raw edge alone (no response code or security split), as a range query for the
 * lists' sparklines: the fewest series from which buildGraph's reporter choice can still be made.
 */
export function edgeRequestsQuery(
  namespaces: readonly string[] | 'all',
  rateSeconds: number,
): string {
  return rateQuery('istio_requests_total', EDGE_LABELS, namespaces, `${Math.round(rateSeconds)}s`);
}
