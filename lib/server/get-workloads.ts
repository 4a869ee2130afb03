import 'server-only';
import type { WorkloadsResponse } from '@/lib/api/workloads';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { listWorkloads } from '@/lib/mesh/lists/workload-list';
import { readCluster } from './read-cluster';
import { readRequestGraph } from './read-request-graph';

/**
 * The workloads of some namespaces (all this person may see when none are given) with the workload
 * graph's inbound and outbound rates; the inventory alone, with null rates, when Prometheus cannot
 * answer. A namespace they may not see is refused.
 */
export async function getWorkloads(
  identity: Identity,
  asked?: readonly string[],
): Promise<WorkloadsResponse> {
  const [cluster, visible] = await Promise.all([
    readCluster(),
    visibleOrRefuse(identity, asked ?? []),
  ]);
  const namespaces = asked ?? (identity.kind === 'anonymous' ? undefined : [...visible].sort());
  const selected = namespaces ?? cluster.inventory.namespaces.map((n) => n.name);
  const { graph, metricsError } = await readRequestGraph('workload', namespaces, cluster);
  const workloads = listWorkloads(cluster.inventory, graph, new Set(selected));
  return { workloads, ...(metricsError !== undefined && { metricsError }) };
}
