import type { NamespacesQuery } from '@/lib/api/namespaces';
import type { AppliedConfigQuery } from '@/lib/api/istio';
import type { GraphQuery } from '@/lib/api/graph';
import type { TracesQuery } from '@/lib/api/traces';
import type { BreakdownParams } from './use-breakdown';
import type { TrafficRange } from './use-traffic';
import type { GraphType, Protocol, Window } from '@/lib/mesh/types';

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

/** Every react-query key in one place, hierarchical so that invalidating a prefix reaches its children. */
export const queryKeys = {
  status: () => ['status'] as const,
  session: () => ['session'] as const,
  /** The pickers' key without a time; the overview's with its window and end. */
  namespaces: (time?: NamespacesQuery) =>
    time === undefined ? (['namespaces'] as const) : (['namespaces', time] as const),
  graph: (params: GraphQuery) => ['graph', params] as const,
  metrics: (target: MetricsTarget, window: Window, end?: number) =>
    ['metrics', target, window, end ?? 'now'] as const,
  breakdown: (params: BreakdownParams) => ['metrics', 'breakdown', params] as const,
  traces: (params: TracesQuery | undefined) => ['traces', params] as const,
  trace: (traceId: string) => ['trace', traceId] as const,
  /** services, workloads or apps; a list without a window is the server's default, the last minute. */
  list: (resource: string, namespaces: readonly string[], window?: Window, end?: number) =>
    [resource, { namespaces, window: window ?? 'default', end: end ?? 'now' }] as const,
  security: (namespaces: readonly string[], window: Window, end?: number) =>
    ['security', { namespaces, window, end: end ?? 'now' }] as const,
  /** The split panel's own key without a range; the canary compare's with the page's range. */
  traffic: (namespace: string, service: string, range?: TrafficRange) =>
    range === undefined
      ? (['traffic', namespace, service] as const)
      : (['traffic', namespace, service, range] as const),
  istioList: (namespaces: readonly string[]) => ['istio', 'list', { namespaces }] as const,
  appliedConfig: (subject: AppliedConfigQuery) => ['istio', 'applied', subject] as const,
  istioObject: (namespace: string, kind: string, name: string) =>
    ['istio', 'object', namespace, kind, name] as const,
  serviceRouting: (namespace: string, service: string) =>
    ['istio', 'routing', namespace, service] as const,
  authorizationPreview: (yaml: string, window: Window | undefined) =>
    ['security', 'authorization-preview', { yaml, window }] as const,
};
