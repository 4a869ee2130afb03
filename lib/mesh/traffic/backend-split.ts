/**
 * The split of a service an HTTPRoute or GRPCRoute attaches to (GAMMA): configured shares per
 * backend Service beside the shares of requests each backend Service received.
 *
 * Which report counts a request: where a waypoint serves the service, the waypoint reports it once
 * (reporter="waypoint", destination_service = the backend Service it picked; ztunnel reports only
 * L4). Where sidecars route, the client's sidecar reports it (reporter="source") and the server's
 * again (reporter="destination"). So per caller → backend pair: the waypoint's view, else the
 * source's, else the destination's (a caller without proxy, which the route never saw).
 */
import { parseLe } from '../graph/histogram-quantile';
import { EDGE_LABELS } from '../graph/labels';
import { isClientError, isServerError } from '../health/request-counts';
import { rulesFor } from '../health/rules';
import type { IstioObject } from '../types';
import {
  backendKey,
  backendServices,
  gatewayRoutesFor,
  readGatewayRoutes,
  type GatewayRouteKind,
} from './gateway-route';
import { defaultRouteIndex } from './route-weights';
import { serviceWorkloads, type ServiceRef } from './service-routing';
import { addTally, emptyTally, partSignals, type Tally } from './signals';
import type { TrafficSplitInput } from './split';
import type { TrafficSplit, TrafficWarning } from './split-types';
import { providedByNothing } from './unprovided';
import { trafficWarnings } from './warnings';

type Labels = Readonly<Record<string, string>>;

const REPORTERS = ['waypoint', 'source', 'destination'] as const;
type Reporter = (typeof REPORTERS)[number];

interface PairViews {
  readonly backend: string;
  readonly views: Partial<Record<Reporter, Tally>>;
}

const pairKey = (l: Labels): string =>
  EDGE_LABELS.filter((k) => k !== 'reporter')
    .map((k) => l[k] ?? '')
    .join('\u0000');

/** Requests and latency buckets per caller → backend pair, each reporter apart. */
function collectPairs(
  input: Pick<TrafficSplitInput, 'requests' | 'durations'>,
  backendOf: (l: Labels) => string | undefined,
): PairViews[] {
  const pairs = new Map<string, PairViews>();
  const viewOf = (l: Labels): Tally | undefined => {
    const reporter = REPORTERS.find((r) => r === l['reporter']);
    const backend = backendOf(l);
    if (reporter === undefined || backend === undefined) return undefined;
    const key = pairKey(l);
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = { backend, views: {} };
      pairs.set(key, pair);
    }
    return (pair.views[reporter] ??= emptyTally());
  };
  for (const s of input.requests) {
    if (!(s.value > 0)) continue;
    const view = viewOf(s.labels);
    if (view === undefined) continue;
    const code = s.labels['response_code'] ?? '';
    const grpc = s.labels['grpc_response_status'];
    view.requests += s.value;
    if (isServerError(code, grpc)) view.serverErrors += s.value;
    if (isClientError(code, grpc)) view.clientErrors += s.value;
  }
  for (const s of input.durations) {
    const le = parseLe(s.labels['le']);
    if (le === undefined || !(s.value >= 0)) continue;
    const view = viewOf(s.labels);
    if (view !== undefined) view.buckets.set(le, (view.buckets.get(le) ?? 0) + s.value);
  }
  return [...pairs.values()];
}

/** A waypoint serves the service: its namespace opts in through `istio.io/use-waypoint`, or a pod reports one. */
function servedByWaypoint(input: TrafficSplitInput): boolean {
  const { inventory, service } = input;
  const label = inventory.namespaces.find((n) => n.name === service.namespace)?.labels[
    'istio.io/use-waypoint'
  ];
  if (label !== undefined && label !== 'none') return true;
  return serviceWorkloads(inventory, service).some((w) => w.dataPlane?.waypoint !== undefined);
}

const nsName = (o: { namespace: string; name: string }): string => `${o.namespace}/${o.name}`;

const L7_FEATURES_DOC = 'https://istio.io/latest/docs/ambient/usage/l7-features/';

/** Which object Istio uses when a VirtualService and a Gateway API route both claim the service. */
function bothRoutersWarning(
  route: IstioObject & { kind: GatewayRouteKind },
  virtualServices: readonly IstioObject[],
  waypoint: boolean,
): TrafficWarning {
  const both = `VirtualService ${virtualServices.map(nsName).join(', ')} and ${route.kind} ${nsName(route)} both route this service`;
  const shown = `Meshlens shows and edits the ${route.kind}; move the VirtualService's rules into it and delete the VirtualService.`;
  return {
    code: 'virtual-service-and-route',
    message: waypoint
      ? `${both}, which a waypoint serves. For waypoints Istio's documentation says: "Mixing Istio classic API and Gateway API configuration is not supported, and will lead to undefined behavior" (VirtualService stays Alpha there; ${L7_FEATURES_DOC}). ${shown}`
      : `${both}. Istio's documentation names no order between the two for sidecars, and calls mixing the Istio classic API and the Gateway API not supported, with undefined behavior (${L7_FEATURES_DOC}). ${shown}`,
  };
}

/** The split by the route's backend Services; signals per backend Service from its own pods. */
export function computeBackendSplit(
  input: TrafficSplitInput,
  route: IstioObject & { kind: GatewayRouteKind },
  virtualServices: readonly IstioObject[],
): TrafficSplit {
  const { service, inventory } = input;
  const routes = readGatewayRoutes(route);
  const backends = backendServices(route);
  const keyOf = (b: ServiceRef): string => backendKey(b, route.namespace);
  const keys = new Set(backends.map(keyOf));

  const pairs = collectPairs(input, (l) => {
    const key = keyOf({
      namespace: l['destination_service_namespace'] ?? '',
      name: l['destination_service_name'] ?? '',
    });
    return keys.has(key) ? key : undefined;
  });
  const tallies = new Map<string, Tally>();
  let total = 0;
  let unproxied = 0;
  for (const pair of pairs) {
    const view = pair.views.waypoint ?? pair.views.source ?? pair.views.destination;
    if (view === undefined) continue;
    let t = tallies.get(pair.backend);
    if (t === undefined) {
      t = emptyTally();
      tallies.set(pair.backend, t);
    }
    addTally(t, view);
    total += view.requests;
    if (view === pair.views.destination) unproxied += view.requests;
  }

  const rules = rulesFor(
    inventory.namespaces.find((n) => n.name === service.namespace)?.annotations,
  ).rules;
  const signals = backends.map((b) => {
    const svc = inventory.services.find((s) => s.namespace === b.namespace && s.name === b.name);
    return partSignals(
      keyOf(b),
      svc?.selector ?? {},
      serviceWorkloads(inventory, b),
      tallies.get(keyOf(b)),
      rules,
    );
  });
  const shares = Object.fromEntries(signals.map((s) => [s.name, total > 0 ? s.rps / total : 0]));
  const defaultRoute = defaultRouteIndex(routes);

  const ports = inventory.services.find(
    (s) => s.namespace === service.namespace && s.name === service.name,
  )?.ports;
  const others = gatewayRoutesFor(input.istioObjects, service, ports).filter((r) => r !== route);
  const warnings: TrafficWarning[] = [];
  if (virtualServices.length > 0)
    warnings.push(bothRoutersWarning(route, virtualServices, servedByWaypoint(input)));
  if (others.length > 0)
    warnings.push({
      code: 'several-gateway-routes',
      message: `${others.length + 1} routes attach to this service (${[route, ...others].map((r) => `${r.kind} ${nsName(r)}`).join(', ')}); Istio gives a route in the client's namespace precedence over one in the service's. Showing ${route.kind} ${nsName(route)}.`,
    });
  warnings.push(
    ...trafficWarnings({
      routes,
      defaultRoute,
      subsets: signals,
      shares,
      totalRps: total,
      unproxiedShare: total > 0 ? unproxied / total : 0,
      undefinedSubsets: [],
      unprovided: backends.filter((b) => providedByNothing(inventory, b, {})).map(keyOf),
      virtualServices: [],
      window: input.window,
      routesAgeSeconds: input.routesAgeSeconds,
      parts: 'backend',
      routingKind: route.kind,
    }),
  );

  return {
    service,
    virtualService: null,
    destinationRule: null,
    gatewayRoute: {
      kind: route.kind,
      name: route.name,
      namespace: route.namespace,
      resourceVersion: route.resourceVersion,
    },
    routes,
    defaultRoute,
    observed: { window: input.window, shares, totalRps: total, unassignedShare: 0 },
    subsets: signals,
    warnings,
  };
}
