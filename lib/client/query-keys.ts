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

/** Every react-query key in one place, hierarchical so that invalidating a prefix reaches its children. */
export const queryKeys = {
  status: () => ['status'] as const,
  namespaces: () => ['namespaces'] as const,
  graph: (params: GraphQueryParams) => ['graph', params] as const,
  metrics: (target: MetricsTarget, window: Window) => ['metrics', target, window] as const,
};
