import 'server-only';
import type { Inventory } from '@/lib/mesh/types';
import { toInventory } from '@/lib/mesh/inventory/decode';
import type { InformerSet } from './informers';
import type { SideReads } from './side-reads';

/**
 * The Gateways when they can be known: an informer set that does not watch them, a cluster without the
 * Gateway API, or a watch that is refused or not synced yet says nothing about waypoints (an empty list
 * would call every waypoint missing).
 */
function knownGateways(informers: InformerSet): readonly unknown[] | undefined {
  const state = informers.state().resources.k8sgateways;
  if (state === undefined || state.missing === true || !state.synced || state.error !== undefined)
    return undefined;
  return informers.list('k8sgateways');
}

const memo = new WeakMap<InformerSet, { revision: string; inventory: Inventory }>();

/**
 * The inventory of the informer caches (and, when given, the polled Secrets and control-plane
 * ConfigMaps), decoded again only after one of them changed.
 */
export function readInventory(informers: InformerSet, side?: SideReads): Inventory {
  const revision = `${informers.revision()}:${side?.revision() ?? ''}`;
  const hit = memo.get(informers);
  if (hit && hit.revision === revision) return hit.inventory;
  const inventory = toInventory({
    namespaces: informers.list('namespaces'),
    services: informers.list('services'),
    deployments: informers.list('deployments'),
    statefulsets: informers.list('statefulsets'),
    daemonsets: informers.list('daemonsets'),
    pods: informers.list('pods'),
    k8sGateways: knownGateways(informers),
    secrets: side?.secrets(),
    configMaps: side?.configMaps(),
  });
  memo.set(informers, { revision, inventory });
  return inventory;
}
