import 'server-only';
import { isProblemError } from '@/lib/errors';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import { buildGraph } from '@/lib/mesh/graph/build-graph';
import { listServices, type ServiceListItem } from '@/lib/mesh/service-list';
import type { MeshGraph, Window } from '@/lib/mesh/types';
import { getPrometheusClient } from '@/lib/prometheus/client';
import { graphQueries } from '@/lib/prometheus/graph-queries';
import { readCluster } from './read-cluster';

const WINDOW: Window = '1m';

export interface ServicesResponse {
  readonly services: readonly ServiceListItem[];
  /** Why rps and errorRate are null. */
  readonly metricsError?: string;
}

/**
 * The services of some namespaces (all when none are given) with the service graph's rates: one
 * PromQL query, the same one the graph runs, so the coalescing cache often answers it.
 */
export async function getServices(namespaces?: readonly string[]): Promise<ServicesResponse> {
  const { inventory, externalHosts } = await readCluster();
  const selected = namespaces ?? inventory.namespaces.map((n) => n.name);
  const istioObjects = listIstioObjects(getInformers(), {
    kinds: ['VirtualService', 'DestinationRule'],
  });
  let graph: MeshGraph | undefined;
  let metricsError: string | undefined;
  if (selected.length > 0) {
    try {
      const requests = await getPrometheusClient().instantQuery(
        graphQueries(namespaces ?? 'all', WINDOW).requests,
      );
      graph = buildGraph({
        type: 'service',
        window: WINDOW,
        timestamp: Date.now(),
        namespaces: selected,
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
  }
  const services = listServices(inventory, istioObjects, graph, new Set(selected));
  return { services, ...(metricsError !== undefined && { metricsError }) };
}
