/**
 * Nodes for what the inventory holds in the selected namespaces but no traffic touched, so a
 * deployed-but-silent (or crash-looping) workload is visible rather than absent.
 */
import type { GraphType, Inventory } from '../types';
import type { Endpoint } from './endpoints';
import { serviceEndpoint, workloadEndpoint } from './endpoints';
import { inventoryApp, inventoryVersion } from './inventory-index';

export function idleEndpoints(
  type: GraphType,
  inventory: Inventory,
  namespaces: ReadonlySet<string>,
): Endpoint[] {
  if (type === 'service') {
    return inventory.services
      .filter((s) => namespaces.has(s.namespace))
      .map((s) => serviceEndpoint(s.namespace, s.name));
  }
  return inventory.workloads
    .filter((w) => namespaces.has(w.namespace))
    .map((w) => workloadEndpoint(type, w.namespace, w.name, inventoryApp(w), inventoryVersion(w)));
}
