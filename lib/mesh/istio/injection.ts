import type { InventoryNamespace } from '../types';

/**
 * Whether Istio injects sidecars into new pods of the namespace: `istio-injection=enabled` or a
 * revision label, unless injection is explicitly disabled (which wins, as in Istio's webhook).
 */
export function namespaceInjects(ns: InventoryNamespace | undefined): boolean {
  if (!ns) return false;
  if (ns.labels['istio-injection'] === 'disabled') return false;
  return ns.labels['istio-injection'] === 'enabled' || ns.labels['istio.io/rev'] !== undefined;
}
