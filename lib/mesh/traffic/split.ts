/**
 * A service's traffic split: the weights its VirtualService configures beside the shares Prometheus
 * observed per DestinationRule subset, each subset's golden signals, and warnings when the two
 * disagree. Requests are measured the graph's way (one reporter per raw edge, see pick-reporter.ts).
 */
import { collectRawEdges, pickReporter } from '../graph/pick-reporter';
import { rulesFor } from '../health/rules';
import { computeBackendSplit } from './backend-split';
import { gatewayRoutesFor } from './gateway-route';
import { defaultRouteIndex, readRoutes, type TrafficRoute } from './route-weights';
import {
  destinationRulesFor,
  hostIsService,
  selects,
  serviceWorkloads,
  subsetsOf,
  virtualServicesFor,
  type ServiceRef,
  type Subset,
} from './service-routing';
import { addTally, emptyTally, partSignals, type Tally } from './signals';
import type { TrafficSplit } from './split-types';
import type { Inventory, IstioObject, Sample, Window } from '../types';
import { providedByNothing } from './unprovided';
import { trafficWarnings } from './warnings';

export interface TrafficSplitInput {
  readonly service: ServiceRef;
  /** VirtualServices, DestinationRules, HTTPRoutes and GRPCRoutes of the mesh (others are ignored). */
  readonly istioObjects: readonly IstioObject[];
  readonly inventory: Inventory;
  /**
   * istio_requests_total rates into the service, and into the backend Services of its HTTPRoute or
   * GRPCRoute when it has one, grouped by the graph's REQUEST_LABELS.
   */
  readonly requests: readonly Sample[];
  /** istio_request_duration_milliseconds_bucket rates into the service, grouped by DURATION_LABELS. */
  readonly durations: readonly Sample[];
  readonly window: Window;
  /** How long the service's routes have been as they are (see trafficWarnings); null when unknown. */
  readonly routesAgeSeconds: number | null;
}

const UNASSIGNED = '\u0000unassigned';

/** Routes' subsets of this service that the DestinationRule does not define, in route order. */
function routeSubsets(
  routes: readonly TrafficRoute[],
  vs: IstioObject | undefined,
  service: ServiceRef,
): string[] {
  const out = new Set<string>();
  for (const r of routes)
    for (const d of r.destinations)
      if (d.subset !== undefined && vs && hostIsService(d.host, vs.namespace, service))
        out.add(d.subset);
  return [...out];
}

/**
 * Requests a route's abort fault answered (response flag FI), apart from the others: the proxy that
 * injected the fault reports them with no destination workload, and they reached no subset.
 */
function splitFaultAborts(requests: readonly Sample[]): { aborted: number; rest: Sample[] } {
  let aborted = 0;
  const rest: Sample[] = [];
  for (const s of requests) {
    const flags = (s.labels['response_flags'] ?? '').split(',');
    if (!flags.includes('FI')) rest.push(s);
    else if (s.labels['reporter'] === 'source' || s.labels['reporter'] === 'waypoint')
      aborted += s.value > 0 ? s.value : 0;
  }
  return { aborted, rest };
}

/**
 * A service an HTTPRoute or GRPCRoute attaches to is split by that route's backends (GAMMA), else by
 * its VirtualService's subsets.
 */
export function computeTrafficSplit(input: TrafficSplitInput): TrafficSplit {
  const { service, inventory } = input;
  const virtualServices = virtualServicesFor(input.istioObjects, service);
  const ports = inventory.services.find(
    (s) => s.namespace === service.namespace && s.name === service.name,
  )?.ports;
  const gatewayRoute = gatewayRoutesFor(input.istioObjects, service, ports)[0];
  if (gatewayRoute !== undefined) return computeBackendSplit(input, gatewayRoute, virtualServices);
  const vs = virtualServices[0];
  const dr = destinationRulesFor(input.istioObjects, service)[0];
  const routes = readRoutes(vs?.spec);
  const defined = subsetsOf(dr);
  const definedNames = new Set(defined.map((s) => s.name));
  const undefinedSubsets = routeSubsets(routes, vs, service).filter((s) => !definedNames.has(s));
  const subsets: Subset[] = [...defined, ...undefinedSubsets.map((name) => ({ name, labels: {} }))];

  const workloads = serviceWorkloads(inventory, service);
  const subsetOf = (labels: Readonly<Record<string, string>>): string =>
    defined.find((s) => selects(s.labels, labels))?.name ?? UNASSIGNED;

  const { aborted, rest } = splitFaultAborts(input.requests);
  const tallies = new Map<string, Tally>();
  let total = aborted;
  let unproxied = 0;
  for (const edge of collectRawEdges({ ...input, requests: rest, tcpSent: [], tcpReceived: [] })) {
    const view = pickReporter(edge);
    if (view === undefined) continue;
    const l = edge.labels;
    const known = workloads.find((w) => w.name === l['destination_workload']);
    // Pods the inventory does not know (yet) are matched on the labels Istio copied into the metric.
    const subset = subsetOf(
      known?.labels ?? { app: l['destination_app'] ?? '', version: l['destination_version'] ?? '' },
    );
    let t = tallies.get(subset);
    if (t === undefined) {
      t = emptyTally();
      tallies.set(subset, t);
    }
    addTally(t, view);
    total += view.requests;
    if (edge.source === undefined) unproxied += view.requests;
  }

  const rules = rulesFor(
    inventory.namespaces.find((n) => n.name === service.namespace)?.annotations,
  ).rules;
  const signals = subsets.map((s) =>
    partSignals(
      s.name,
      s.labels,
      definedNames.has(s.name) ? workloads.filter((w) => selects(s.labels, w.labels)) : [],
      tallies.get(s.name),
      rules,
    ),
  );

  const shares = Object.fromEntries(signals.map((s) => [s.name, total > 0 ? s.rps / total : 0]));
  const unassignedShare = total > 0 ? (tallies.get(UNASSIGNED)?.requests ?? 0) / total : 0;
  const faultAbortedShare = total > 0 ? aborted / total : 0;
  const defaultRoute = defaultRouteIndex(routes);
  return {
    service,
    virtualService: vs
      ? { name: vs.name, namespace: vs.namespace, resourceVersion: vs.resourceVersion }
      : null,
    destinationRule: dr ? { name: dr.name, namespace: dr.namespace } : null,
    gatewayRoute: null,
    routes,
    defaultRoute,
    observed: {
      window: input.window,
      shares,
      totalRps: total,
      unassignedShare,
      ...(faultAbortedShare > 0 && { faultAbortedShare }),
    },
    subsets: signals,
    warnings: trafficWarnings({
      routes,
      defaultRoute,
      subsets: signals,
      shares,
      totalRps: total,
      unproxiedShare: total > 0 ? unproxied / total : 0,
      faultAbortedShare,
      undefinedSubsets,
      unprovided: defined
        .filter((s) => providedByNothing(inventory, service, s.labels))
        .map((s) => s.name),
      virtualServices: virtualServices.map((v) => `${v.namespace}/${v.name}`),
      window: input.window,
      routesAgeSeconds: input.routesAgeSeconds,
    }),
  };
}
