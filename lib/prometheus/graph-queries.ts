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
 * The rate of `metric` grouped by `labels`, for traffic into or out of the namespaces (or all of them).
 * Two selectors joined with `or` catch both directions across the selection's border; a series matching
 * both has the same label set on each side, so `or` keeps it once.
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
  const into = `sum ${by} (rate(${selector(metric, { destination_service_namespace: { re } })}[${range}]))`;
  const outOf = `sum ${by} (rate(${selector(metric, { source_workload_namespace: { re } })}[${range}]))`;
  return `${into} or ${outOf}`;
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
