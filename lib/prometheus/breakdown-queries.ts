import type { NodeRef } from '@/lib/mesh/graph/parse-node-id';
import {
  groupLabels,
  type BreakdownBy,
  type Direction,
  type ReporterChoice,
} from '@/lib/mesh/metrics/breakdown';
import { sourceMatchers, targetMatchers, type Matchers } from './metrics-queries';
import { byLabels, selector } from './promql';

export interface BreakdownQueryTarget {
  readonly node: NodeRef;
  readonly direction: Direction;
  readonly by: BreakdownBy;
  readonly reporter: ReporterChoice;
}

/**
 * Two range queries whatever the grouping: requests by the group labels and what decides an error,
 * and duration buckets by the group labels. Inbound traffic is the node as destination, outbound as
 * source; one reporter is selected, or both kept apart by the reporter label.
 */
export function breakdownQueries(
  target: BreakdownQueryTarget,
  rateSeconds: number,
): { readonly requests: string; readonly durations: string } {
  const ends: Matchers =
    target.direction === 'inbound' ? targetMatchers(target.node) : sourceMatchers(target.node);
  const m: Matchers = {
    ...ends,
    ...(target.reporter !== 'both' && { reporter: target.reporter }),
  };
  const keep = [
    ...groupLabels(target.direction, target.by),
    ...(target.reporter === 'both' ? ['reporter'] : []),
  ];
  const range = `${Math.round(rateSeconds)}s`;
  const requestLabels = [
    ...new Set([...keep, 'response_code', 'grpc_response_status', 'request_protocol']),
  ];
  return {
    requests: `sum ${byLabels(requestLabels)} (rate(${selector('istio_requests_total', m)}[${range}]))`,
    durations: `sum ${byLabels([...keep, 'le'])} (rate(${selector('istio_request_duration_milliseconds_bucket', m)}[${range}]))`,
  };
}
