import { captureWarnings, type CaptureWarning } from '../ambient/capture-warnings';
import { namespaceDataPlane, type NamespaceDataPlane } from '../ambient/namespace-data-plane';
import {
  HEALTH_THRESHOLDS_ANNOTATION,
  readinessHealth,
  rulesFor,
  worstHealth,
} from '../health/health';
import type { HealthRuleProblem } from '../health/health';
import { sortByHealth } from '../health/order';
import type { Health, Inventory, MeshGraph } from '../types';

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
  /** Workloads that are degraded or failing, worst first: what to look at in this namespace. */
  readonly unhealthy: readonly { readonly name: string; readonly health: Health }[];
  /** Health-threshold annotations in this namespace that could not be used (defaults apply instead). */
  readonly problems: readonly (HealthRuleProblem & { readonly object: string })[];
  /** What its workloads run (sidecar, ambient with its waypoint, none, mixed). */
  readonly dataPlane: NamespaceDataPlane;
  /** Gaps in the capture of its workloads' traffic, as the workloads list shows them. */
  readonly captureWarnings: readonly CaptureWarning[];
}

function annotationProblems(inventory: Inventory, namespace: string): NamespaceSummary['problems'] {
  const nsAnnotations = inventory.namespaces.find((n) => n.name === namespace)?.annotations;
  const problems = rulesFor(nsAnnotations).problems.map((p) => ({ ...p, object: namespace }));
  for (const w of inventory.workloads) {
    if (w.namespace !== namespace || w.annotations[HEALTH_THRESHOLDS_ANNOTATION] === undefined)
      continue;
    for (const p of rulesFor(nsAnnotations, w.annotations).problems) {
      if (p.scope === 'workload') problems.push({ ...p, object: w.name });
    }
  }
  return problems;
}

const needsAttention = (h: Health): boolean => h === 'degraded' || h === 'failing';

/**
 * Summarises each namespace of the inventory from a workload graph of the whole mesh, so that the
 * overview judges health with exactly the graph's rules and reporter choice. Without a graph (metrics
 * unavailable) rates are null and health comes from pod readiness alone: a crash-looping workload is
 * still reported, but no traffic number is made up.
 */
export function summarizeNamespaces(
  inventory: Inventory,
  graph: MeshGraph | undefined,
): NamespaceSummary[] {
  const warnings = captureWarnings(inventory);
  return inventory.namespaces.map((namespace) => {
    const { name } = namespace;
    const capture = {
      dataPlane: namespaceDataPlane(inventory, namespace),
      captureWarnings: warnings.filter((w) => w.namespace === name),
    };
    const workloads = inventory.workloads.filter((w) => w.namespace === name);
    const services = inventory.services.filter((s) => s.namespace === name).length;
    const problems = annotationProblems(inventory, name);
    if (!graph) {
      const judged = workloads.map((w) => ({ name: w.name, health: readinessHealth(w) }));
      const health = worstHealth(...judged.map((w) => w.health));
      return {
        name,
        services,
        workloads: workloads.length,
        rps: null,
        errorRate: null,
        health: needsAttention(health) ? health : 'unknown',
        unhealthy: sortByHealth(judged.filter((w) => needsAttention(w.health))),
        problems,
        ...capture,
      };
    }
    const nodes = graph.nodes.filter(
      (n) => n.namespace === name && n.kind === 'workload' && !n.outside,
    );
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
      unhealthy: sortByHealth(
        nodes.filter((n) => needsAttention(n.health)).map(({ name, health }) => ({ name, health })),
      ),
      problems,
      ...capture,
    };
  });
}
