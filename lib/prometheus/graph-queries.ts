import { DURATION_LABELS, EDGE_LABELS, REQUEST_LABELS, TCP_LABELS } from '@/lib/mesh/graph/labels';
import type { Window } from '@/lib/mesh/types';
import {
  assertDuration,
  byLabels,
  namespaceRegex,
  selector,
  type LabelMatcherValue,
} from './promql';

export interface GraphQueries {
  readonly requests: string;
  readonly durations: string;
  readonly tcpSent: string;
  readonly tcpReceived: string;
  readonly tcpOpened: string;
}

/**
 * The destination has two namespace labels. A sidecar caller names the service it addressed
 * (destination_service_namespace) even when no workload answered (a 503 UH or NR has
 * destination_workload "unknown"); the callee's own proxy names its workload's namespace
 * (destination_workload_namespace) even where the service namespace is "unknown" (callers outside
 * the mesh, an egress gateway, PassthroughCluster to a pod, another cluster). A selector on either
 * alone drops the other's traffic, so both are asked for, as Kiali's queries do.
 */
function selectors(re: string): readonly Readonly<Record<string, LabelMatcherValue>>[] {
  return [
    { destination_service_namespace: { re } },
    { source_workload_namespace: { re } },
    // Only what the two above miss, so Prometheus sums no series twice before `or` drops one.
    {
      destination_workload_namespace: { re },
      destination_service_namespace: { nre: re },
      source_workload_namespace: { nre: re },
    },
  ];
}

/**
 * The rate of `metric` grouped by `labels`, for traffic into or out of the namespaces (or all of them).
 * The selectors are joined with `or` in one query: a series matching several has the same label set
 * on each side (every namespace label is among the grouping labels), so `or` keeps it once.
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
  return selectors(namespaceRegex(namespaces))
    .map((m) => `sum ${by} (rate(${selector(metric, m)}[${range}]))`)
    .join(' or ');
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
