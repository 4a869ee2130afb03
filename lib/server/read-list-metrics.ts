import 'server-only';
import { isProblemError } from '@/lib/errors';
import { buildGraph } from '@/lib/mesh/graph/build-graph';
import type { GraphType, MeshGraph, Window } from '@/lib/mesh/types';
import { getPrometheusClient } from '@/lib/prometheus/client';
import { graphQueries } from '@/lib/prometheus/graph-queries';
import type { ClusterView } from './read-cluster';

/** The lists judge "now", not the graph's default five minutes. */
const WINDOW: Window = '1m';

export interface RequestGraph {
  /** Undefined when metrics are unavailable. */
  readonly graph?: MeshGraph;
  /** Why the graph is missing, for a person. */
  readonly metricsError?: string;
}

/**
 * A graph of request rates only, every selected inventory node included, for the lists: one PromQL
 * query, the graph's own requests query, so the coalescing cache often answers it. A down or failing
 * Prometheus is data (`metricsError`), not an exception, so the inventory can still be listed.
 */
export async function readRequestGraph(
  type: GraphType,
  namespaces: readonly string[] | undefined,
  cluster: ClusterView,
): Promise<RequestGraph> {
  const selected = namespaces ?? cluster.inventory.namespaces.map((n) => n.name);
  if (selected.length === 0) return {};
  try {
    const requests = await getPrometheusClient().instantQuery(
      graphQueries(namespaces ?? 'all', WINDOW).requests,
    );
    const graph = buildGraph({
      type,
      window: WINDOW,
      timestamp: Date.now(),
      namespaces: selected,
      requests,
      durations: [],
      tcpSent: [],
      tcpReceived: [],
      inventory: cluster.inventory,
      externalHosts: cluster.externalHosts,
      includeIdle: true,
    });
    return { graph };
  } catch (err) {
    if (!isProblemError(err)) throw err;
    return { metricsError: err.detail };
  }
}
