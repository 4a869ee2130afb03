import { readinessHealth, worstHealth } from './health';
import type { Health, Inventory, MeshGraph } from './types';

/** One overview card. */
export interface NamespaceSummary {
  readonly name: string;
  readonly services: number;
  readonly workloads: number;
  /** Requests per second into the namespace's workloads; null when metrics are unavailable. */
  readonly rps: number | null;
  /** Share of those requests that failed, 0..1; null when metrics are unavailable. */
  readonly errorRate: number | null;
  readonly health: Health;
}

/**
 * Summarises each namespace of the inventory from a workload graph of the whole mesh, so that the
 * overview judges health with exactly the graph's rules and reporter choice. Without a graph (metrics
 * unavailable) rates are null and health comes from pod readiness alone: a crash-looping workload is
 * still reported, but no traffic number is made up.
 */
export function summarizeNamespaces(inventory: Inventory, graph: MeshGraph | undefined): NamespaceSummary[] {
  return inventory.namespaces.map(({ name }) => {
    const workloads = inventory.workloads.filter((w) => w.namespace === name);
    const services = inventory.services.filter((s) => s.namespace === name).length;
    if (!graph) {
      const readiness = workloads.map((w) => readinessHealth(w));
      const health = worstHealth(...readiness);
      return {
        name,
        services,
        workloads: workloads.length,
        rps: null,
        errorRate: null,
        health: health === 'degraded' || health === 'failing' ? health : 'unknown',
      };
    }
    const nodes = graph.nodes.filter((n) => n.namespace === name && n.kind === 'workload' && !n.outside);
    let rps = 0;
    let failed = 0;
    for (const n of nodes) {
      rps += n.rps;
      failed += n.rps * n.errorRate;
    }
    return {
      name,
      services,
      workloads: workloads.length,
      rps,
      errorRate: rps > 0 ? failed / rps : 0,
      health: nodes.length === 0 ? 'idle' : worstHealth(...nodes.map((n) => n.health)),
    };
  });
}
