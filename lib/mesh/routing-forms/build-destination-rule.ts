import type { DestinationRuleInput, TrafficPolicyInput } from './types';

type Json = Record<string, unknown>;

const defined = (entries: Record<string, unknown>): Json | undefined => {
  const kept = Object.entries(entries).filter(([, v]) => v !== undefined && v !== '');
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
};

function trafficPolicy(input: TrafficPolicyInput | undefined): Json | undefined {
  if (!input) return undefined;
  const pool = input.connectionPool;
  const tcp = defined({ maxConnections: pool?.maxConnections });
  const http = defined({
    http1MaxPendingRequests: pool?.http1MaxPendingRequests,
    maxRequestsPerConnection: pool?.maxRequestsPerConnection,
  });
  const od = input.outlierDetection;
  return defined({
    loadBalancer: input.loadBalancer && { simple: input.loadBalancer },
    connectionPool: defined({ tcp, http }),
    outlierDetection:
      od &&
      defined({
        consecutive5xxErrors: od.consecutive5xxErrors,
        interval: od.interval,
        baseEjectionTime: od.baseEjectionTime,
        maxEjectionPercent: od.maxEjectionPercent,
      }),
    tls: input.tlsMode && { mode: input.tlsMode },
  });
}

/** The DestinationRule a routing form describes: one subset per version, an optional traffic policy. */
export function buildDestinationRule(input: DestinationRuleInput): Json {
  const policy = trafficPolicy(input.trafficPolicy);
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name: input.name ?? input.service, namespace: input.namespace },
    spec: {
      host: input.service,
      ...(policy && { trafficPolicy: policy }),
      ...(input.subsets.length > 0 && {
        subsets: input.subsets.map((s) => ({ name: s.name, labels: { ...s.labels } })),
      }),
    },
  };
}
