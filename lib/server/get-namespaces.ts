import 'server-only';
import type { NamespacesResponse } from '@/lib/api/namespaces';
import { visibleNamespaces } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { isProblemError } from '@/lib/errors';
import { buildGraph } from '@/lib/mesh/graph/build-graph';
import { summarizeNamespaces } from '@/lib/mesh/lists/namespace-summary';
import type { MeshGraph, Window } from '@/lib/mesh/types';
import { getPrometheusClient } from '@/lib/prometheus/client';
import { graphQueries } from '@/lib/prometheus/graph-queries';
import { readCluster } from './read-cluster';

const WINDOW: Window = '1m';

/**
 * One card per namespace. Costs one PromQL query per refresh for the whole mesh. When Prometheus fails
 * the cards still come back, with null rates and the reason, so the page never shows zeros as data.
 * Only the namespaces this person may see get a card.
 */
export async function getNamespaces(identity: Identity): Promise<NamespacesResponse> {
  const [{ inventory, externalHosts }, visible] = await Promise.all([
    readCluster(),
    visibleNamespaces(identity),
  ]);
  let graph: MeshGraph | undefined;
  let metricsError: string | undefined;
  try {
    const requests = await getPrometheusClient().instantQuery(graphQueries('all', WINDOW).requests);
    graph = buildGraph({
      type: 'workload',
      window: WINDOW,
      timestamp: Date.now(),
      namespaces: inventory.namespaces.map((n) => n.name),
      requests,
      durations: [],
      tcpSent: [],
      tcpReceived: [],
      inventory,
      externalHosts,
      includeIdle: true,
    });
  } catch (err) {
    if (!isProblemError(err)) throw err;
    metricsError = err.detail;
  }
  return summarizeNamespaces(inventory, graph)
    .filter((ns) => visible.has(ns.name))
    .map((ns) => (metricsError ? { ...ns, metricsError } : ns));
}
