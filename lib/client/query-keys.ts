import type { GraphType, Protocol, Window } from '@/lib/mesh/types';

export interface GraphQueryParams {
  readonly namespaces: readonly string[];
  readonly type: GraphType;
  readonly window: Window;
  readonly idle: boolean;
}

/** What the side panel charts: one node, or one edge between two nodes. */
export type MetricsTarget =
  | {
      readonly kind: 'node';
      readonly type: GraphType;
      readonly node: string;
      /** Only for a node that speaks nothing but TCP; otherwise its http and grpc requests. */
      readonly protocol?: 'tcp';
    }
  | {
      readonly kind: 'edge';
      readonly type: GraphType;
      readonly namespace: string;
      readonly source: string;
      readonly target: string;
      readonly protocol: Protocol;
    };

/** A traces search as /api/traces takes it (lib/server/get-traces.ts TracesRequest). */
export interface TracesQueryParams {
  readonly namespace: string;
  readonly source?: string;
  readonly target?: string;
  readonly window: string;
  readonly limit: number;
  readonly minDurationMs?: number;
  readonly errorsOnly: boolean;
  readonly operation?: string;
  readonly sort: 'newest' | 'slowest';
}

/** Every react-query key in one place, hierarchical so that invalidating a prefix reaches its children. */
export const queryKeys = {
  status: () => ['status'] as const,
  namespaces: () => ['namespaces'] as const,
  graph: (params: GraphQueryParams) => ['graph', params] as const,
  metrics: (target: MetricsTarget, window: Window) => ['metrics', target, window] as const,
  traces: (params: TracesQueryParams | undefined) => ['traces', params] as const,
  trace: (traceId: string) => ['trace', traceId] as const,
  services: (namespaces: readonly string[]) => ['services', { namespaces }] as const,
  workloads: (namespaces: readonly string[]) => ['workloads', { namespaces }] as const,
  traffic: (namespace: string, service: string) => ['traffic', namespace, service] as const,
  istioList: (namespaces: readonly string[]) => ['istio', 'list', { namespaces }] as const,
  istioObject: (namespace: string, kind: string, name: string) =>
    ['istio', 'object', namespace, kind, name] as const,
  serviceRouting: (namespace: string, service: string) =>
    ['istio', 'routing', namespace, service] as const,
};
