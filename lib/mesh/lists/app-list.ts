import { appId } from '../graph/node-ids';
import { readinessHealth, worstHealth } from '../health/health';
import { sparklineOf, type Sparklines } from '../metrics/sparklines';
import type { Health, Inventory, InventoryWorkload, MeshGraph } from '../types';

export interface AppListItem {
  readonly namespace: string;
  /** The `app` label its workloads share. */
  readonly app: string;
  readonly workloads: number;
  /** The `version` labels among its workloads, sorted; empty when none carries one. */
  readonly versions: readonly string[];
  readonly health: Health;
  /** Requests per second into the app, every version; null when metrics are unavailable. */
  readonly rps: number | null;
  /** Share of those requests that failed, 0..1; null when metrics are unavailable. */
  readonly errorRate: number | null;
  /** 95th percentile of the inbound request duration, ms; null when metrics are unavailable or no requests. */
  readonly p95Ms: number | null;
  /** Requests per second into the app at each step of the window; null when unavailable. */
  readonly sparkline: readonly number[] | null;
}

/**
 * Without metrics readiness can still tell a problem, but full readiness says nothing about errors:
 * 'unknown', not 'healthy'.
 */
function healthWithoutMetrics(members: readonly InventoryWorkload[]): Health {
  const readiness = worstHealth(...members.map(readinessHealth));
  return readiness === 'healthy' ? 'unknown' : readiness;
}

/**
 * One row per app label in `namespaces`, as the app detail page groups workloads: the app graph's
 * rates, p95 and health (which joins its workloads' readiness) and its inbound rate over the window.
 * Workloads without an app label belong to no row. An undefined graph means metrics are unavailable.
 */
export function listApps(
  inventory: Inventory,
  graph: MeshGraph | undefined,
  namespaces: ReadonlySet<string>,
  sparklines?: Sparklines,
): AppListItem[] {
  const nodes = new Map((graph?.nodes ?? []).map((n) => [n.id, n]));
  const apps = new Map<string, { namespace: string; app: string; members: InventoryWorkload[] }>();
  for (const w of inventory.workloads) {
    if (w.app === undefined || !namespaces.has(w.namespace)) continue;
    const id = appId(w.namespace, w.app);
    const found = apps.get(id);
    if (found === undefined) apps.set(id, { namespace: w.namespace, app: w.app, members: [w] });
    else found.members.push(w);
  }
  return [...apps]
    .map(([id, { namespace, app, members }]): AppListItem => {
      const node = nodes.get(id);
      const metrics = graph !== undefined;
      const versions = new Set(
        members.flatMap((w) => (w.version === undefined ? [] : [w.version])),
      );
      return {
        namespace,
        app,
        workloads: members.length,
        versions: [...versions].sort(),
        health: metrics
          ? (node?.health ?? worstHealth(...members.map(readinessHealth)))
          : healthWithoutMetrics(members),
        rps: metrics ? (node?.rps ?? 0) : null,
        errorRate: metrics ? (node?.errorRate ?? 0) : null,
        p95Ms: node?.p95Ms ?? null,
        sparkline: metrics ? sparklineOf(sparklines, id) : null,
      };
    })
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.app.localeCompare(b.app));
}
