import 'server-only';
import type { WorkloadsQuery, WorkloadsResponse } from '@/lib/api/workloads';
import type { Identity } from '@/lib/auth/identity';
import { listWorkloads } from '@/lib/mesh/lists/workload-list';
import { readListScope } from './list-scope';
import { readListMetrics } from './read-list-metrics';

/**
 * The workloads of some namespaces (all this person may see when none are given) with the workload
 * graph's inbound and outbound rates and p95 over the window and their sparklines; the inventory
 * alone, with null rates, when Prometheus cannot answer. A namespace they may not see is refused.
 */
export async function getWorkloads(
  identity: Identity,
  query: WorkloadsQuery,
): Promise<{ readonly body: WorkloadsResponse; readonly queries: number }> {
  const { cluster, namespaces, selected } = await readListScope(identity, query.namespaces);
  const { graph, sparklines, queries, ...notes } = await readListMetrics(
    'workload',
    namespaces,
    cluster,
    query,
  );
  const workloads = listWorkloads(cluster.inventory, graph, selected, sparklines);
  return { body: { workloads, ...notes }, queries };
}
