import 'server-only';
import type { NamespacesQuery, NamespacesResponse } from '@/lib/api/namespaces';
import { visibleNamespaces } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { buildGraph } from '@/lib/mesh/graph/build-graph';
import { summarizeNamespaces } from '@/lib/mesh/lists/namespace-summary';
import type { MeshGraph } from '@/lib/mesh/types';
import { getPrometheusClient } from '@/lib/prometheus/client';
import { graphQueries } from '@/lib/prometheus/graph-queries';
import { readCluster } from './read-cluster';
import { checkTimeRange, metricsUnavailable } from './time-range';

/**
 * One card per namespace. Costs one PromQL query per refresh for the whole mesh. When Prometheus fails
 * the cards still come back, with null rates and the reason, so the page never shows zeros as data.
 * Only the namespaces this person may see get a card.
 */
export async function getNamespaces(
  identity: Identity,
  time: NamespacesQuery = { window: '1m' },
): Promise<NamespacesResponse> {
  const [{ inventory, externalHosts }, visible] = await Promise.all([
    readCluster(),
    visibleNamespaces(identity),
  ]);
  let graph: MeshGraph | undefined;
  let metricsError: string | undefined;
  try {
    await checkTimeRange(time.window, time.end);
    const requests = await getPrometheusClient().instantQuery(
      graphQueries('all', time.window).requests,
      time.end,
    );
    graph = buildGraph({
      type: 'workload',
      window: time.window,
      timestamp: time.end ?? Date.now(),
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
    metricsError = metricsUnavailable(err);
  }
  return summarizeNamespaces(inventory, graph)
    .filter((ns) => visible.has(ns.name))
    .map((ns) => (metricsError ? { ...ns, metricsError } : ns));
}
