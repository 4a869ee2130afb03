import 'server-only';
import type { ServicesResponse } from '@/lib/api/services';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import { listServices } from '@/lib/mesh/lists/service-list';
import { readCluster } from './read-cluster';
import { readRequestGraph } from './read-request-graph';

/** The services of some namespaces (all when none are given) with the service graph's rates. */
export async function getServices(namespaces?: readonly string[]): Promise<ServicesResponse> {
  const cluster = await readCluster();
  const selected = namespaces ?? cluster.inventory.namespaces.map((n) => n.name);
  const istioObjects = listIstioObjects(getInformers(), {
    kinds: ['VirtualService', 'DestinationRule'],
  });
  const { graph, metricsError } = await readRequestGraph('service', namespaces, cluster);
  const services = listServices(cluster.inventory, istioObjects, graph, new Set(selected));
  return { services, ...(metricsError !== undefined && { metricsError }) };
}
