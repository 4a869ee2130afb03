import { workloadId } from '@/lib/mesh/graph/node-ids';
import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';

type WorkloadRef = Pick<WorkloadListItem, 'namespace' | 'name' | 'rps' | 'outboundRps'>;

/**
 * The graph of the workload's namespace with its node selected. The graph hides nodes without
 * traffic unless asked, so a quiet workload (or one seen while metrics were down) turns idle nodes on.
 */
export function graphHref(w: WorkloadRef): string {
  const search = new URLSearchParams({
    namespaces: w.namespace,
    selected: workloadId(w.namespace, w.name),
  });
  if (!w.rps && !w.outboundRps) search.set('idle', 'true');
  return `/graph?${search.toString()}`;
}
