import type { DestinationRuleInput, LoadBalancer, TlsMode, TrafficPolicyInput } from './types';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (v: unknown, key: string): Json => (isRecord(v) && isRecord(v[key]) ? v[key] : {});
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

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
  spec: Readonly<Json>,
): Pick<DestinationRuleInput, 'subsets' | 'trafficPolicy'> {
  const subsets = (Array.isArray(spec.subsets) ? spec.subsets : [])
    .filter(isRecord)
    .flatMap((s) => {
      const name = str(s.name);
      const labels = Object.entries(at(s, 'labels')).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      );
      return name ? [{ name, labels: Object.fromEntries(labels) }] : [];
    });
  const policy = at(spec, 'trafficPolicy');
  const pool = at(policy, 'connectionPool');
  const od = at(policy, 'outlierDetection');
  const simple = str(at(policy, 'loadBalancer').simple);
  const mode = str(at(policy, 'tls').mode);
  const trafficPolicy: TrafficPolicyInput = {
    loadBalancer: LOAD_BALANCERS.find((lb) => lb === simple),
    connectionPool: {
      maxConnections: num(at(pool, 'tcp').maxConnections),
      http1MaxPendingRequests: num(at(pool, 'http').http1MaxPendingRequests),
      maxRequestsPerConnection: num(at(pool, 'http').maxRequestsPerConnection),
    },
    outlierDetection: {
      consecutive5xxErrors: num(od.consecutive5xxErrors),
      interval: str(od.interval),
      baseEjectionTime: str(od.baseEjectionTime),
      maxEjectionPercent: num(od.maxEjectionPercent),
    },
    tlsMode: TLS_MODES.find((m) => m === mode),
  };
  return { subsets, trafficPolicy };
}
