import { DURATION_LABELS, REQUEST_LABELS } from '@/lib/mesh/graph/labels';
import type { Window } from '@/lib/mesh/types';
import { assertDuration, byLabels, selector } from './promql';

export interface TrafficQueries {
  readonly requests: string;
  readonly durations: string;
}

/**
 * The two queries behind one traffic split (computeTrafficSplit's inputs): requests and latency
 * buckets into one service, both reporters, grouped as the graph groups them so the same reporter
 * rule picks one view per caller.
 */
export function trafficQueries(namespace: string, service: string, window: Window): TrafficQueries {
  const range = assertDuration(window);
  const into = { destination_service_namespace: namespace, destination_service_name: service };
  return {
    requests: `sum ${byLabels(REQUEST_LABELS)} (rate(${selector('istio_requests_total', into)}[${range}]))`,
    durations: `sum ${byLabels(DURATION_LABELS)} (rate(${selector('istio_request_duration_milliseconds_bucket', into)}[${range}]))`,
  };
}
