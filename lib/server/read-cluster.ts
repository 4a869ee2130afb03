import 'server-only';
import { routingChanges } from './routing-changes';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import { readInventory } from '@/lib/kube/inventory';
import { externalHosts } from '@/lib/mesh/istio/external-hosts';
import type { Inventory } from '@/lib/mesh/types';

/** How long a request waits for the first sync of the caches before saying Kubernetes is unavailable. */
const SYNC_TIMEOUT_MS = 5_000;

export interface ClusterView {
  readonly inventory: Inventory;
  readonly externalHosts: readonly string[];
}

/** The inventory and the mesh's external hosts, from the informer caches (no API call per request). */
export async function readCluster(): Promise<ClusterView> {
  const informers = getInformers();
  // Nearly every request reads the cluster: the routing change log listens from the first one on.
  routingChanges();
  await informers.ready(SYNC_TIMEOUT_MS);
  return {
    inventory: readInventory(informers),
    externalHosts: externalHosts(listIstioObjects(informers, { kinds: ['ServiceEntry'] })),
  };
}
