import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import type { DestinationRuleInput, LoadBalancer, TlsMode, TrafficPolicyInput } from './types';

const LOAD_BALANCERS: readonly LoadBalancer[] = [
  'ROUND_ROBIN',
  'LEAST_REQUEST',
  'RANDOM',
  'PASSTHROUGH',
];
const TLS_MODES: readonly TlsMode[] = ['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'];

/**
 * Reads a live DestinationRule back into the routing form: subsets by name and version label, and
 * the traffic policy fields the form has. Nothing is lost by what it leaves out: mergeDestinationRule
 * keeps every field the form does not own.
 */
export function readDestinationRule(
  spec: unknown,
): Pick<DestinationRuleInput, 'subsets' | 'trafficPolicy'> {
  const dr = readDestinationRuleSpec(spec);
  const subsets = dr.subsets.flatMap((s) =>
    s.name ? [{ name: s.name, labels: s.labels ?? {} }] : [],
  );
  const { policy } = dr;
  const trafficPolicy: TrafficPolicyInput = {
    loadBalancer: LOAD_BALANCERS.find((lb) => lb === policy.loadBalancer),
    connectionPool: {
      maxConnections: policy.maxConnections,
      http1MaxPendingRequests: policy.http1MaxPendingRequests,
      maxRequestsPerConnection: policy.maxRequestsPerConnection,
    },
    outlierDetection: {
      consecutive5xxErrors: policy.consecutive5xxErrors,
      interval: policy.interval,
      baseEjectionTime: policy.baseEjectionTime,
      maxEjectionPercent: policy.maxEjectionPercent,
    },
    tlsMode: TLS_MODES.find((m) => m === policy.tlsMode),
  };
  return { subsets, trafficPolicy };
}
