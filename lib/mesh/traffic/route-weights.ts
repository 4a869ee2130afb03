/**
 * Reading and rewriting the weighted destinations of a VirtualService's `spec.http` routes.
 * Ref https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRouteDestination
 */
import { isRecord, readList } from '../istio/read';
import { hasHost, readVirtualServiceSpec, type RouteEntry } from '../istio/virtual-service';
import { readRouteBehaviour, type RouteBehaviour } from './route-behaviour';
import { routeShadows } from './route-shadow';
import { weightShares, type Weights } from './weights';

/** The live `spec.http` list as stored: the rules a weight edit does not touch go back unchanged. */
const readHttpList = (spec: unknown): readonly unknown[] =>
  isRecord(spec) && Array.isArray(spec.http) ? spec.http : [];

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
  /** Faults, mirrors, timeout and retries of the route, as Istio applies them. */
  readonly behaviour?: RouteBehaviour;
  /** Set when an earlier route takes every request this one could match. */
  readonly unreachable?: RouteShadow;
  /** Sentences for the matches of a reachable route that an earlier match always decides first. */
  readonly deadMatches?: readonly string[];
}

export interface RouteShadow {
  /** Index of the earlier route that takes this one's requests. */
  readonly shadowedBy: number;
  /** For a person: "Never matches: route 1 matches every request." */
  readonly message: string;
}

function toDestination(
  entry: RouteEntry,
  lone: boolean,
): Omit<RouteDestination, 'share'> | undefined {
  const dest = entry.destination;
  if (!hasHost(dest)) return undefined;
  return {
    host: dest.host,
    ...(dest.subset !== undefined && { subset: dest.subset }),
    ...(dest.port !== undefined && { port: dest.port }),
    weight: entry.weight ?? (lone ? 100 : 0),
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
export function readRoutes(spec: unknown): TrafficRoute[] {
  const shadows = routeShadows(spec);
  return readVirtualServiceSpec(spec).http.map((rule): TrafficRoute => {
    const shadow = shadows.unreachable.get(rule.index);
    const deadMatches = shadows.deadMatches.get(rule.index);
    const weighted = rule.route
      .map((e) => toDestination(e, rule.route.length === 1))
      .filter((d) => d !== undefined);
    const shares = weightShares(weighted.map((d) => d.weight));
    const destinations = weighted.map((d, i) => ({ ...d, share: shares[i] ?? 0 }));
    const reason = notEditableReason(destinations);
    return {
      index: rule.index,
      ...(rule.name !== undefined && { name: rule.name }),
      ...(rule.match !== undefined && { match: rule.match }),
      destinations,
      ...(reason === undefined
        ? { subsets: destinations.map((d) => d.subset ?? '') }
        : { notEditable: reason }),
      behaviour: readRouteBehaviour(rule.raw),
      ...(shadow && { unreachable: shadow }),
      ...(deadMatches && { deadMatches }),
    };
  });
}

/**
 * The new `spec.http` with the weights of route `routeIndex` set, every other field of every route
 * (match, retries, fault, headers, the destinations' ports, fields Meshlens does not know…) as they
 * are in the live list. A subset set to 0 keeps its destination with weight 0 rather than losing it:
 * the route keeps naming the canary, so promoting or restoring it is one weight change and its
 * per-destination settings are not lost; Istio sends such a destination no traffic. Callers validate first (validateWeights on the route's subsets);
 * a route that does not exist or is not editable is a programming error here.
 */
export function setRouteWeights(spec: unknown, routeIndex: number, weights: Weights): unknown[] {
  const vs = readVirtualServiceSpec(spec);
  const rule = vs.http[routeIndex];
  if (rule?.raw === undefined || readRoutes(spec)[routeIndex]?.subsets === undefined) {
    throw new RangeError(`Route ${routeIndex} cannot be edited by subset weight`);
  }
  const live = readList(rule.raw.route, [], []);
  const nextRule = {
    ...rule.raw,
    route: live.map((entry, i) => {
      const subset = rule.route[i]?.destination?.subset;
      const weight = subset === undefined ? undefined : weights[subset];
      return weight === undefined || !isRecord(entry) ? entry : { ...entry, weight };
    }),
  };
  return readHttpList(spec).map((r, i) => (i === routeIndex ? nextRule : r));
}

/**
 * The route a weight edit targets when the request names none: the catch-all route (no `match`),
 * which carries the canary split in the usual layout of header routes first; else the first
 * reachable route.
 */
export function defaultRouteIndex(routes: readonly TrafficRoute[]): number {
  // A route no request reaches carries no traffic to edit.
  const editable = routes.filter((r) => r.subsets !== undefined && r.unreachable === undefined);
  return (editable.find((r) => r.match === undefined) ?? editable[0] ?? routes[0])?.index ?? 0;
}
