import { serviceId } from '../graph/node-ids';
import { readinessHealth, worstHealth } from '../health/health';
import { readRoutes } from '../traffic/route-weights';
import {
  destinationRulesFor,
  selects,
  subsetsOf,
  virtualServicesFor,
} from '../traffic/service-routing';
import { sparklineOf, type Sparklines } from '../metrics/sparklines';
import type { Health, Inventory, IstioObject, MeshGraph } from '../types';

export interface ServiceListItem {
  readonly namespace: string;
  readonly name: string;
  /** Workloads the service's selector picks. */
  readonly workloads: number;
  readonly health: Health;
  /** Requests per second into the service; null when metrics are unavailable. */
  readonly rps: number | null;
  /** Share of those requests that failed, 0..1; null when metrics are unavailable. */
  readonly errorRate: number | null;
  /** 95th percentile of the inbound request duration, ms; null when metrics are unavailable or no requests. */
  readonly p95Ms: number | null;
  /** Requests per second into the service at each step of the window; null when unavailable. */
  readonly sparkline: readonly number[] | null;
  readonly virtualService?: string;
  /** A VirtualService route sends this service's traffic to more than one destination. */
  readonly hasTrafficSplit: boolean;
  /** Subsets its DestinationRule defines. */
  readonly subsets: readonly string[];
}

/**
 * One row per service in `namespaces`: the service graph's rates, p95 and health (undefined graph =
 * metrics unavailable), worsened by its workloads' readiness, its request rate over the window, and
 * whether its traffic is split.
 */
export function listServices(
  inventory: Inventory,
  istioObjects: readonly IstioObject[],
  graph: MeshGraph | undefined,
  namespaces: ReadonlySet<string>,
  sparklines?: Sparklines,
): ServiceListItem[] {
  const nodes = new Map((graph?.nodes ?? []).map((n) => [n.id, n]));
  return inventory.services
    .filter((s) => namespaces.has(s.namespace))
    .map((s): ServiceListItem => {
      const ref = { namespace: s.namespace, name: s.name };
      const id = serviceId(s.namespace, s.name);
      const node = nodes.get(id);
      const hasSelector = Object.keys(s.selector).length > 0;
      const backing = inventory.workloads.filter(
        (w) => hasSelector && w.namespace === s.namespace && selects(s.selector, w.labels),
      );
      const readiness = worstHealth(...backing.map(readinessHealth));
      const traffic: Health = graph === undefined ? 'unknown' : (node?.health ?? 'idle');
      const health =
        readiness === 'degraded' || readiness === 'failing'
          ? worstHealth(traffic, readiness)
          : traffic;
      const vs = virtualServicesFor(istioObjects, ref)[0];
      return {
        namespace: s.namespace,
        name: s.name,
        workloads: backing.length,
        health,
        rps: graph === undefined ? null : (node?.rps ?? 0),
        errorRate: graph === undefined ? null : (node?.errorRate ?? 0),
        p95Ms: node?.p95Ms ?? null,
        sparkline: graph === undefined ? null : sparklineOf(sparklines, id),
        ...(vs && { virtualService: vs.name }),
        hasTrafficSplit: readRoutes(vs?.spec).some((r) => r.destinations.length > 1),
        subsets: subsetsOf(destinationRulesFor(istioObjects, ref)[0]).map((x) => x.name),
      };
    })
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
