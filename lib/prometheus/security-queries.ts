import type { Window } from '@/lib/mesh/types';
import { assertDuration, byLabels, namespaceRegex, selector } from './promql';

/**
 * Who called whom, as the destination's proxy saw it: only that side knows the peer's principal and
 * whether the connection it accepted was mTLS, which is what PeerAuthentication and
 * AuthorizationPolicy act on.
 */
export const CALL_LABELS = [
  'source_workload',
  'source_workload_namespace',
  'source_principal',
  'destination_workload',
  'destination_workload_namespace',
  'connection_security_policy',
] as const;

/** The requests query adds the status, folded into total and 403 by decodeObservedCalls. */
export const CALL_REQUEST_LABELS = [...CALL_LABELS, 'response_code'] as const;

export interface SecurityQueries {
  readonly requests: string;
  readonly tcpSent: string;
  readonly tcpReceived: string;
}

function rateInto(
  metric: string,
  labels: readonly string[],
  namespaces: readonly string[] | 'all',
  window: Window,
): string {
  const range = assertDuration(window);
  const matchers = {
    reporter: 'destination',
    destination_workload_namespace:
      namespaces === 'all' ? undefined : { re: namespaceRegex(namespaces) },
  };
  return `sum ${byLabels(labels)} (rate(${selector(metric, matchers)}[${range}]))`;
}

/**
 * The three queries behind the observed calls into the namespaces (or the whole mesh), whatever their
 * number: calls into a target are what its server-side policies decide on, so only that direction.
 */
export function securityQueries(
  namespaces: readonly string[] | 'all',
  window: Window,
): SecurityQueries {
  return {
    requests: rateInto('istio_requests_total', CALL_REQUEST_LABELS, namespaces, window),
    tcpSent: rateInto('istio_tcp_sent_bytes_total', CALL_LABELS, namespaces, window),
    tcpReceived: rateInto('istio_tcp_received_bytes_total', CALL_LABELS, namespaces, window),
  };
}
