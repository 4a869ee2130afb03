/**
 * Inventory lookups the graph needs per node, built once per graph: workloads by id, replicas per
 * app (and app version), services, and health rules resolved once per namespace and per annotated
 * workload.
 */
import type { HealthRules } from '../health/rules';
import { HEALTH_THRESHOLDS_ANNOTATION, rulesFor } from '../health/rules';
import type { Replicas } from '../health/health';
import type { Inventory, InventoryWorkload } from '../types';
import { appId, isKnown, serviceId, versionedAppId, workloadId } from './node-ids';

/** The app identity Istio gives a workload's canonical_service label, so it matches the metrics. */
export function inventoryApp(w: InventoryWorkload): string {
  return (
    w.labels['service.istio.io/canonical-name'] ??
    w.labels['app.kubernetes.io/name'] ??
    w.app ??
    w.labels['app'] ??
    w.name
  );
}

export function inventoryVersion(w: InventoryWorkload): string | undefined {
  const v = w.version ?? w.labels['version'];
  return isKnown(v) ? v : undefined;
}

export class InventoryIndex {
  readonly workloads = new Map<string, InventoryWorkload>();
  /** Workloads behind each app id and versioned-app id. */
  readonly workloadsByApp = new Map<string, InventoryWorkload[]>();
  readonly serviceIds = new Set<string>();
  private readonly namespaceAnnotations = new Map<string, Readonly<Record<string, string>>>();
  private readonly rulesCache = new Map<string, HealthRules>();

  constructor(inventory: Inventory) {
    for (const ns of inventory.namespaces) this.namespaceAnnotations.set(ns.name, ns.annotations);
    for (const s of inventory.services) this.serviceIds.add(serviceId(s.namespace, s.name));
    for (const w of inventory.workloads) {
      this.workloads.set(workloadId(w.namespace, w.name), w);
      const app = inventoryApp(w);
      for (const id of [
        appId(w.namespace, app),
        versionedAppId(w.namespace, app, inventoryVersion(w)),
      ]) {
        const list = this.workloadsByApp.get(id);
        if (list === undefined) this.workloadsByApp.set(id, [w]);
        else list.push(w);
      }
    }
  }

  /** Replicas behind a workload or app node; undefined when the inventory does not know it. */
  replicasOf(nodeId: string): readonly Replicas[] | undefined {
    const w = this.workloads.get(nodeId);
    if (w !== undefined) return [w];
    return this.workloadsByApp.get(nodeId);
  }

  /**
   * Workload annotations override the namespace's only for workload nodes; app and service nodes span
   * several workloads, so they follow the namespace. Annotation problems are reported by the overview
   * (summarizeNamespaces), not repeated per graph.
   */
  rulesFor(namespace: string, nodeId: string): HealthRules {
    const w = this.workloads.get(nodeId);
    const annotated = w?.annotations[HEALTH_THRESHOLDS_ANNOTATION] !== undefined;
    const key = annotated ? nodeId : namespace;
    let rules = this.rulesCache.get(key);
    if (rules === undefined) {
      rules = rulesFor(
        this.namespaceAnnotations.get(namespace),
        annotated ? w?.annotations : undefined,
      ).rules;
      this.rulesCache.set(key, rules);
    }
    return rules;
  }
}
