import type { Inventory } from '@/lib/mesh/types';
import type { SubsetInput } from './types';

/**
 * One subset per `version` label among the pods the service selects, named after the version (as
 * Bookinfo's destination-rule-all.yaml does). Workloads without a version label cannot be a subset.
 */
export function subsetsFromInventory(
  inventory: Inventory,
  namespace: string,
  service: string,
): SubsetInput[] {
  const svc = inventory.services.find((s) => s.namespace === namespace && s.name === service);
  if (!svc || Object.keys(svc.selector).length === 0) return [];
  const selected = (labels: Readonly<Record<string, string>>): boolean =>
    Object.entries(svc.selector).every(([k, v]) => labels[k] === v);
  const versions = new Set<string>();
  for (const pod of inventory.pods)
    if (pod.namespace === namespace && selected(pod.labels) && pod.labels.version)
      versions.add(pod.labels.version);
  for (const w of inventory.workloads)
    if (w.namespace === namespace && selected(w.labels) && w.version) versions.add(w.version);
  return [...versions]
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
    .map((version) => ({
      name: version.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
      labels: { version },
    }));
}
