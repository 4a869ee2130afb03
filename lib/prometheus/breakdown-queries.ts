import type { NodeRef } from '@/lib/mesh/graph/parse-node-id';
import {
  groupLabels,
  HISTOGRAMS,
  SERIES_LABEL,
  type BreakdownBy,
  type Direction,
  type HistogramName,
  type ReporterChoice,
} from '@/lib/mesh/metrics/breakdown';
import { TCP_COUNTERS, tcpGroupLabels } from '@/lib/mesh/metrics/breakdown-tcp';
import { l7Reporters, tcpReporter } from '@/lib/mesh/metrics/reporter';
import { sourceMatchers, targetMatchers, type Matchers } from './metrics-queries';
import { byLabels, quoteLabelValue, regexEscape, selector, type LabelMatcherValue } from './promql';

export interface BreakdownQueryTarget {
  readonly node: NodeRef;
  readonly direction: Direction;
  readonly by: BreakdownBy;
  readonly reporter: ReporterChoice;
  /**
   * The backend Services a Gateway API route sends a service's requests to: those requests are
   * labelled with the backend, so a service node is measured across them (itself included).
   */
  readonly backends?: readonly { readonly namespace: string; readonly name: string }[];
  /**
   * Waypoint workload names. ztunnel reports a client's leg into a waypoint under the service the
   * client addressed, with the waypoint (no version) as destination: a service's inbound TCP leaves
   * those legs out and keeps the waypoint → server legs, which carry the real server and version.
   */
  readonly waypoints?: readonly string[];
}

export interface BreakdownQueries {
  readonly requests: string;
  readonly histograms: string;
  readonly tcp: string;
}

const HISTOGRAM_METRICS: Readonly<Record<HistogramName, string>> = {
  duration: 'istio_request_duration_milliseconds',
  request_bytes: 'istio_request_bytes',
  response_bytes: 'istio_response_bytes',
};

const TCP_METRICS: Readonly<Record<(typeof TCP_COUNTERS)[number], string>> = {
  sent: 'istio_tcp_sent_bytes_total',
  received: 'istio_tcp_received_bytes_total',
  opened: 'istio_tcp_connections_opened_total',
  closed: 'istio_tcp_connections_closed_total',
};

/** `expr` with SERIES_LABEL set to `tag`, so several metrics can travel in one answer. */
function tagged(expr: string, tag: string): string {
  return `label_replace(${expr}, "${SERIES_LABEL}", ${quoteLabelValue(tag)}, "", "")`;
}

function inboundMatchers(target: BreakdownQueryTarget): Matchers {
  const backends = target.backends ?? [];
  if (target.node.kind !== 'service' || backends.length === 0) return targetMatchers(target.node);
  const services = [{ namespace: target.node.namespace, name: target.node.service }, ...backends];
  const alternatives = (values: readonly string[]): LabelMatcherValue => {
    const distinct = [...new Set(values)];
    return distinct.length === 1 ? distinct[0]! : { re: distinct.map(regexEscape).join('|') };
  };
  return {
    destination_service_namespace: alternatives(services.map((s) => s.namespace)),
    destination_service_name: alternatives(services.map((s) => s.name)),
  };
}

/**
 * Three range queries whatever the grouping and the window: requests by the group labels
 * and what decides the response class; the duration, request size and response size histograms'
 * buckets and sums; and the four TCP counters. Metrics sharing a query are told apart by
 * SERIES_LABEL. Inbound traffic is the node as destination, outbound as source; one reporter is
 * selected, or both kept apart by the reporter label.
 */
export function breakdownQueries(
  target: BreakdownQueryTarget,
  rateSeconds: number,
): BreakdownQueries {
  const ends: Matchers =
    target.direction === 'inbound' ? inboundMatchers(target) : sourceMatchers(target.node);
  const l7 = l7Reporters(target.reporter, target.direction);
  const tcpBy = tcpReporter(target.reporter, target.direction);
  const m: Matchers = {
    ...ends,
    ...(l7 !== undefined && { reporter: l7.length === 1 ? l7[0] : { re: l7.join('|') } }),
  };
  const waypoints = target.waypoints ?? [];
  const tcpMatchers: Matchers = {
    ...ends,
    ...(tcpBy !== undefined && { reporter: tcpBy }),
    ...(target.node.kind === 'service' &&
      target.direction === 'inbound' &&
      waypoints.length > 0 && {
        destination_workload: { nre: [...new Set(waypoints)].map(regexEscape).join('|') },
      }),
  };
  const reporter = l7 === undefined || l7.length > 1 ? ['reporter'] : [];
  const keep = [...groupLabels(target.direction, target.by), ...reporter];
  const range = `${Math.round(rateSeconds)}s`;
  const rate = (metric: string, labels: readonly string[], matchers: Matchers = m): string =>
    `sum ${byLabels(labels)} (rate(${selector(metric, matchers)}[${range}]))`;
  const requestLabels = [
    ...new Set([...keep, 'response_code', 'grpc_response_status', 'request_protocol']),
  ];
  const histograms = HISTOGRAMS.flatMap((h) => [
    tagged(rate(`${HISTOGRAM_METRICS[h]}_bucket`, [...keep, 'le']), h),
    tagged(rate(`${HISTOGRAM_METRICS[h]}_sum`, keep), `${h}_sum`),
  ]);
  const tcpKeep = [
    ...tcpGroupLabels(target.direction, target.by),
    ...(tcpBy === undefined ? ['reporter'] : []),
  ];
  const tcp = TCP_COUNTERS.map((c) => tagged(rate(TCP_METRICS[c], tcpKeep, tcpMatchers), c));
  return {
    requests: rate('istio_requests_total', requestLabels),
    histograms: histograms.join(' or '),
    tcp: tcp.join(' or '),
  };
}
