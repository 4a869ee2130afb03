import 'server-only';
import type { ServicesResponse } from '@/lib/api/services';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import { listServices } from '@/lib/mesh/lists/service-list';
import { readCluster } from './read-cluster';
import { readRequestGraph } from './read-request-graph';

/**
 * The services of some namespaces (all this person may see when none are given) with the service
 * graph's rates; a namespace they may not see is refused.
 */
export async function getServices(
  identity: Identity,
  asked?: readonly string[],
): Promise<ServicesResponse> {
  const [cluster, visible] = await Promise.all([
    readCluster(),
    visibleOrRefuse(identity, asked ?? []),
  ]);
  const namespaces = asked ?? (identity.kind === 'anonymous' ? undefined : [...visible].sort());
  const selected = namespaces ?? cluster.inventory.namespaces.map((n) => n.name);
  const istioObjects = listIstioObjects(getInformers(), {
    kinds: ['VirtualService', 'DestinationRule'],
  });
  const { graph, metricsError } = await readRequestGraph('service', namespaces, cluster);
  const services = listServices(cluster.inventory, istioObjects, graph, new Set(selected));
  return { services, ...(metricsError !== undefined && { metricsError }) };
}
