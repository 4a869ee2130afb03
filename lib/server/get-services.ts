import 'server-only';
import type { ServicesQuery, ServicesResponse } from '@/lib/api/services';
import type { Identity } from '@/lib/auth/identity';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import { listServices } from '@/lib/mesh/lists/service-list';
import { readListScope } from './list-scope';
import { readListMetrics } from './read-list-metrics';

/**
 * The services of some namespaces (all this person may see when none are given) with the service
 * graph's rates and p95 over the window and their sparklines; a namespace they may not see is
 * refused. `queries`: the PromQL queries sent, a fixed number whatever the number of services.
 */
export async function getServices(
  identity: Identity,
  query: ServicesQuery,
): Promise<{ readonly body: ServicesResponse; readonly queries: number }> {
  const { cluster, namespaces, selected } = await readListScope(identity, query.namespaces);
  const istioObjects = listIstioObjects(getInformers(), {
    kinds: ['VirtualService', 'DestinationRule'],
  });
  const { graph, sparklines, queries, ...notes } = await readListMetrics(
    'service',
    namespaces,
    cluster,
    query,
  );
  const services = listServices(cluster.inventory, istioObjects, graph, selected, sparklines);
  return { body: { services, ...notes }, queries };
}
