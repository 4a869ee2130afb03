/**
 * Reading and rewriting the weighted destinations of a VirtualService's `spec.http` routes.
 * Ref https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRouteDestination
 */
import { weightShares, type Weights } from './weights';

export interface RouteDestination {
  readonly host: string;
  readonly subset?: string;
  readonly port?: number;
  /** The weight as written, relative to the route's others; a lone destination's implicit 100 is made explicit. */
  readonly weight: number;
  /** The share (0..1) of the route's traffic Envoy sends here: weight ÷ the route's sum. */
  readonly share: number;
}

export interface TrafficRoute {
  readonly index: number;
  readonly name?: string;
  /** The route's `match` list as written; absent for a catch-all route. */
  readonly match?: readonly unknown[];
  readonly destinations: readonly RouteDestination[];
  /** The subsets the slider edits, in route order; absent when the route cannot be edited by subset. */
  readonly subsets?: readonly string[];
  /** Why the slider cannot edit this route, for a person. */
  readonly notEditable?: string;
}

type Json = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function toDestination(entry: unknown, lone: boolean): Omit<RouteDestination, 'share'> | undefined {
  if (!isRecord(entry) || !isRecord(entry.destination)) return undefined;
  const { host, subset, port } = entry.destination;
  if (typeof host !== 'string') return undefined;
  const weight = typeof entry.weight === 'number' ? entry.weight : lone ? 100 : 0;
  const number = isRecord(port) && typeof port.number === 'number' ? port.number : undefined;
  return {
    host,
    ...(typeof subset === 'string' && { subset }),
    ...(number !== undefined && { port: number }),
    weight,
  };
}

/** Why a route's destinations cannot be keyed by subset, or undefined when they can. */
function notEditableReason(destinations: readonly RouteDestination[]): string | undefined {
  if (destinations.length < 2) return 'it has a single destination; there is nothing to split';
  if (destinations.some((d) => d.subset === undefined)) {
    return 'a destination has no subset; add a DestinationRule subset for each version to split by weight';
  }
  const subsets = destinations.map((d) => d.subset);
  if (new Set(subsets).size !== subsets.length) {
    return 'two destinations use the same subset (different hosts or ports); edit it in the YAML editor';
  }
  return undefined;
}

/** The HTTP routes of a VirtualService spec, with their weights as Istio applies them. */
export function readRoutes(http: unknown): TrafficRoute[] {
  if (!Array.isArray(http)) return [];
  return http.map((raw: unknown, index): TrafficRoute => {
    const route = isRecord(raw) ? raw : {};
    const entries = Array.isArray(route.route) ? route.route : [];
    const weighted = entries
      .map((e: unknown) => toDestination(e, entries.length === 1))
      .filter((d) => d !== undefined);
    const shares = weightShares(weighted.map((d) => d.weight));
    const destinations = weighted.map((d, i) => ({ ...d, share: shares[i] ?? 0 }));
    const reason = notEditableReason(destinations);
    return {
      index,
      ...(typeof route.name === 'string' && { name: route.name }),
      ...(Array.isArray(route.match) && { match: route.match }),
      destinations,
      ...(reason === undefined
        ? { subsets: destinations.map((d) => d.subset ?? '') }
        : { notEditable: reason }),
    };
  });
}

/**
 * The new `spec.http` with the weights of route `routeIndex` set, every other field of every route
 * (match, retries, fault, headers, the destinations' ports…) untouched. A subset set to 0 keeps its
 * destination with weight 0 rather than losing it: the route keeps naming the canary, so promoting
 * or restoring it is one weight change and its per-destination settings are not lost; Istio sends
 * such a destination no traffic. Callers validate first (validateWeights on the route's subsets);
 * a route that does not exist or is not editable is a programming error here.
 */
export function setRouteWeights(
  http: readonly unknown[],
  routeIndex: number,
  weights: Weights,
): unknown[] {
  const route = http[routeIndex];
  const parsed = readRoutes(http)[routeIndex];
  if (!isRecord(route) || parsed?.subsets === undefined || !Array.isArray(route.route)) {
    throw new RangeError(`Route ${routeIndex} cannot be edited by subset weight`);
  }
  const entries: unknown[] = route.route;
  const nextRoute = {
    ...route,
    route: entries.map((entry) => {
      if (!isRecord(entry) || !isRecord(entry.destination)) return entry;
      const subset = entry.destination.subset;
      const weight = typeof subset === 'string' ? weights[subset] : undefined;
      return weight === undefined ? entry : { ...entry, weight };
    }),
  };
  return http.map((r, i) => (i === routeIndex ? nextRoute : r));
}

/**
 * The route a weight edit targets when the request names none: the catch-all route (no `match`),
 * which carries the canary split in the usual layout of header routes first; else the first route.
 */
export function defaultRouteIndex(routes: readonly TrafficRoute[]): number {
  const editable = routes.filter((r) => r.subsets !== undefined);
  return (editable.find((r) => r.match === undefined) ?? editable[0] ?? routes[0])?.index ?? 0;
}
