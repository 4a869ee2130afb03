/**
 * Whether any workload provides a part of a split (a DestinationRule subset, or a route's backend
 * Service): requests sent to a part nothing provides fail, however healthy the rest looks.
 */
import type { Inventory } from '../types';
import { selects, type ServiceRef } from './service-routing';

/**
 * True only when the service is known, selects pods by label, and neither a workload's pod
 * template nor a pod carries the service's selector and `labels` (a subset's; none for a backend).
 * A service the inventory does not know, or one without a selector (endpoints managed by hand),
 * is never judged: no finding on no evidence.
 */
export function providedByNothing(
  inventory: Inventory,
  service: ServiceRef,
  labels: Readonly<Record<string, string>>,
): boolean {
  const svc = inventory.services.find(
    (s) => s.namespace === service.namespace && s.name === service.name,
  );
  const selector = svc?.selector ?? {};
  if (Object.keys(selector).length === 0) return false;
  const here = <T extends { namespace: string; labels: Readonly<Record<string, string>> }>(
    items: readonly T[],
  ): boolean =>
    items.some(
      (i) =>
        i.namespace === service.namespace &&
        selects(selector, i.labels) &&
        selects(labels, i.labels),
    );
  return !here(inventory.workloads) && !here(inventory.pods);
}
