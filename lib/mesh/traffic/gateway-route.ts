/**
 * GAMMA routing: an HTTPRoute or GRPCRoute whose parentRefs name a Kubernetes Service routes the
 * traffic addressed to that Service, and splits it over its rules' backendRefs by relative weight.
 * Ref https://gateway-api.sigs.k8s.io/mesh/ and
 * https://gateway-api.sigs.k8s.io/reference/spec/#gateway.networking.k8s.io/v1.BackendRef
 */
import { isRecord, readList, readNumber, readString } from '../istio/read';
import type { IstioObject, InventoryService } from '../types';
import { readGatewayRuleBehaviour } from './route-behaviour';
import type { TrafficRoute } from './route-weights';
import type { ServiceRef } from './service-routing';
import { weightShares, type Weights } from './weights';

export type GatewayRouteKind = Extract<IstioObject['kind'], 'HTTPRoute' | 'GRPCRoute'>;

export const isGatewayRoute = (o: IstioObject): o is IstioObject & { kind: GatewayRouteKind } =>
  o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute';

export interface ParentRef {
  /** Absent means the Gateway API group; the core group (a Service) is the empty string. */
  readonly group?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly port?: number;
  readonly sectionName?: string;
}

export interface BackendRef {
  readonly group?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly port?: number;
  readonly weight?: number;
}

export interface GatewayRouteRule {
  readonly index: number;
  readonly name?: string;
  readonly matches?: readonly unknown[];
  readonly backendRefs: readonly BackendRef[];
}

const noIssues = (): never[] => [];

function readParentRef(value: unknown): ParentRef {
  if (!isRecord(value)) return {};
  const str = (k: string): string | undefined => readString(value[k], [], noIssues());
  const port = readNumber(value.port, [], noIssues());
  return {
    ...(str('group') !== undefined && { group: str('group') }),
    ...(str('kind') !== undefined && { kind: str('kind') }),
    ...(str('name') !== undefined && { name: str('name') }),
    ...(str('namespace') !== undefined && { namespace: str('namespace') }),
    ...(port !== undefined && { port }),
    ...(str('sectionName') !== undefined && { sectionName: str('sectionName') }),
  };
}

function readBackendRef(value: unknown): BackendRef {
  const { group, kind, name, namespace, port } = readParentRef(value);
  const weight = isRecord(value) ? readNumber(value.weight, [], noIssues()) : undefined;
  return {
    ...(group !== undefined && { group }),
    ...(kind !== undefined && { kind }),
    ...(name !== undefined && { name }),
    ...(namespace !== undefined && { namespace }),
    ...(port !== undefined && { port }),
    ...(weight !== undefined && { weight }),
  };
}

export function readParentRefs(spec: unknown): ParentRef[] {
  return isRecord(spec) ? readList(spec.parentRefs, [], noIssues()).map(readParentRef) : [];
}

/** The live `spec.rules` list as stored: rules a weight edit does not touch go back unchanged. */
const readRuleList = (spec: unknown): readonly unknown[] =>
  isRecord(spec) && Array.isArray(spec.rules) ? spec.rules : [];

export function readGatewayRouteRules(spec: unknown): GatewayRouteRule[] {
  return readRuleList(spec).map((raw, index): GatewayRouteRule => {
    const rule = isRecord(raw) ? raw : {};
    const name = readString(rule.name, [], noIssues());
    const matches = readList(rule.matches, [], noIssues());
    return {
      index,
      ...(name !== undefined && { name }),
      ...(matches.length > 0 && { matches }),
      backendRefs: readList(rule.backendRefs, [], noIssues()).map(readBackendRef),
    };
  });
}

/**
 * True when the parentRef attaches the route to the service: core group (`""`) and kind Service,
 * the same name, in the parentRef's namespace (the route's own when absent). A `port` or a
 * `sectionName` (a port's name) narrows the attachment to one port of the service; one naming a
 * port the service does not have attaches to nothing. Without the service's ports (not in the
 * inventory) those two are not checked.
 */
export function parentRefSelectsService(
  ref: ParentRef,
  routeNamespace: string,
  service: ServiceRef,
  ports?: InventoryService['ports'],
): boolean {
  if (ref.group !== '' || ref.kind !== 'Service') return false;
  if (ref.name !== service.name || (ref.namespace ?? routeNamespace) !== service.namespace)
    return false;
  if (ports === undefined) return true;
  if (ref.port !== undefined && !ports.some((p) => p.port === ref.port)) return false;
  if (ref.sectionName !== undefined && !ports.some((p) => p.name === ref.sectionName)) return false;
  return true;
}

/**
 * Gateway API routes attached to the service, the one in the service's own namespace first, then by
 * namespace and name. Istio gives a route in the client's namespace precedence over one in the
 * service's (consumer override); the split shows the service owner's route, which all other clients get.
 */
export function gatewayRoutesFor(
  objects: readonly IstioObject[],
  service: ServiceRef,
  ports?: InventoryService['ports'],
): (IstioObject & { kind: GatewayRouteKind })[] {
  return objects
    .filter(isGatewayRoute)
    .filter((o) =>
      readParentRefs(o.spec).some((r) => parentRefSelectsService(r, o.namespace, service, ports)),
    )
    .sort(
      (a, b) =>
        Number(b.namespace === service.namespace) - Number(a.namespace === service.namespace) ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name) ||
        a.kind.localeCompare(b.kind),
    );
}

/** A backend that is a Kubernetes Service (the defaults: core group, kind Service). */
const isServiceBackend = (b: BackendRef): boolean =>
  (b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service';

/**
 * The name a backend goes by in the split and in the weights of a PUT: the Service's name, with
 * `.namespace` when it lives elsewhere than the route, as a short Istio host reads.
 */
export function backendKey(b: BackendRef, routeNamespace: string): string {
  const ns = b.namespace ?? routeNamespace;
  return ns === routeNamespace ? (b.name ?? '') : `${b.name ?? ''}.${ns}`;
}

/** The backend Services of a route's rules, each once, as namespace and name. */
export function backendServices(route: IstioObject): ServiceRef[] {
  const out = new Map<string, ServiceRef>();
  for (const rule of readGatewayRouteRules(route.spec))
    for (const b of rule.backendRefs)
      if (isServiceBackend(b) && b.name !== undefined)
        out.set(backendKey(b, route.namespace), {
          namespace: b.namespace ?? route.namespace,
          name: b.name,
        });
  return [...out.values()];
}

/** Gateway API's default weight of a backendRef that sets none. */
export const DEFAULT_BACKEND_WEIGHT = 1;

function notEditableReason(rule: GatewayRouteRule, keys: readonly string[]): string | undefined {
  if (rule.backendRefs.length < 2) return 'it has a single backend; there is nothing to split';
  if (!rule.backendRefs.every(isServiceBackend) || keys.some((k) => k === ''))
    return 'a backend is not a named Service; edit it in the YAML editor';
  if (new Set(keys).size !== keys.length)
    return 'two backends are the same Service (on different ports); edit it in the YAML editor';
  return undefined;
}

/**
 * The rules of an HTTPRoute or GRPCRoute as the split shows them: one destination per backendRef,
 * keyed by backendKey, with its weight as Gateway API applies it (missing = 1) and its share
 * weight ÷ the rule's sum. Unlike a VirtualService's lone destination, a lone backendRef of weight
 * 0 gets nothing: Gateway API forwards no traffic to a weight-0 backend (the rule answers 500).
 */
export function readGatewayRoutes(route: IstioObject): TrafficRoute[] {
  const raw = readRuleList(route.spec);
  return readGatewayRouteRules(route.spec).map((rule): TrafficRoute => {
    const keys = rule.backendRefs.map((b) => backendKey(b, route.namespace));
    const weights = rule.backendRefs.map((b) => b.weight ?? DEFAULT_BACKEND_WEIGHT);
    const shares = weights.every((w) => w <= 0) ? weights.map(() => 0) : weightShares(weights);
    const reason = notEditableReason(rule, keys);
    return {
      index: rule.index,
      ...(rule.name !== undefined && { name: rule.name }),
      ...(rule.matches !== undefined && { match: rule.matches }),
      destinations: rule.backendRefs.map((b, i) => ({
        host: keys[i] ?? '',
        ...(b.port !== undefined && { port: b.port }),
        weight: weights[i] ?? DEFAULT_BACKEND_WEIGHT,
        share: shares[i] ?? 0,
      })),
      ...(reason === undefined ? { subsets: keys } : { notEditable: reason }),
      behaviour: readGatewayRuleBehaviour(raw[rule.index], route.namespace),
    };
  });
}

/**
 * The new `spec.rules` with the backendRefs' weights of rule `ruleIndex` set and everything else
 * (matches, filters, timeouts, the backends' ports, fields Meshlens does not know) as it is in the
 * live list. A backend set to 0 stays, with weight 0: Gateway API sends it no traffic and promoting
 * it back is one weight change. Callers validate first (validateWeights on the rule's keys).
 */
export function setBackendWeights(
  route: IstioObject,
  ruleIndex: number,
  weights: Weights,
): unknown[] {
  const live = readRuleList(route.spec);
  const raw = live[ruleIndex];
  if (!isRecord(raw) || readGatewayRoutes(route)[ruleIndex]?.subsets === undefined) {
    throw new RangeError(`Rule ${ruleIndex} cannot be edited by backend weight`);
  }
  const next = {
    ...raw,
    backendRefs: readList(raw.backendRefs, [], noIssues()).map((entry) => {
      const weight = weights[backendKey(readBackendRef(entry), route.namespace)];
      return weight === undefined || !isRecord(entry) ? entry : { ...entry, weight };
    }),
  };
  return live.map((r, i) => (i === ruleIndex ? next : r));
}
