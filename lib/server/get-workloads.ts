import 'server-only';
import type { WorkloadsResponse } from '@/lib/api/workloads';
import { listWorkloads } from '@/lib/mesh/lists/workload-list';
import { readCluster } from './read-cluster';
import { readRequestGraph } from './read-request-graph';

/**
 * The workloads of some namespaces (all when none are given) with the workload graph's inbound and
 * outbound rates; the inventory alone, with null rates, when Prometheus cannot answer.
 */
export async function getWorkloads(namespaces?: readonly string[]): Promise<WorkloadsResponse> {
  const cluster = await readCluster();
  const selected = namespaces ?? cluster.inventory.namespaces.map((n) => n.name);
  const { graph, metricsError } = await readRequestGraph('workload', namespaces, cluster);
  const workloads = listWorkloads(cluster.inventory, graph, new Set(selected));
  return { workloads, ...(metricsError !== undefined && { metricsError }) };
}
