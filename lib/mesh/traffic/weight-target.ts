/**
 * The object a weight edit writes, and how: a VirtualService's `spec.http[i].route[j].weight` keyed
 * by subset, or a GAMMA HTTPRoute's / GRPCRoute's `spec.rules[i].backendRefs[j].weight` keyed by
 * backend Service. The same choice as the split's (computeTrafficSplit): a route attached to the
 * service wins over a VirtualService.
 */
import type { InventoryService, IstioObject } from '../types';
import { gatewayRoutesFor, readGatewayRoutes, setBackendWeights } from './gateway-route';
import { readRoutes, setRouteWeights, type TrafficRoute } from './route-weights';
import { virtualServicesFor, type ServiceRef } from './service-routing';
import type { Weights } from './weights';

export type WeightTargetKind = Extract<
  IstioObject['kind'],
  'VirtualService' | 'HTTPRoute' | 'GRPCRoute'
>;

/** The routing object whose weights split the service, or undefined when it has none. */
export function weightTargetFor(
  objects: readonly IstioObject[],
  service: ServiceRef,
  ports?: InventoryService['ports'],
): (IstioObject & { readonly kind: WeightTargetKind }) | undefined {
  const route = gatewayRoutesFor(objects, service, ports)[0];
  if (route !== undefined) return route;
  const vs = virtualServicesFor(objects, service)[0];
  return vs === undefined ? undefined : { ...vs, kind: 'VirtualService' };
}

/** The object's routes as the split shows them (rules of a Gateway API route). */
export function routesOfTarget(obj: IstioObject): TrafficRoute[] {
  return obj.kind === 'VirtualService' ? readRoutes(obj.spec) : readGatewayRoutes(obj);
}

/**
 * The `spec` part of a merge patch setting the weights of route `index`: the whole list the route
 * is in (a merge patch replaces lists), every other field as in `obj`.
 */
export function weightsPatch(
  obj: IstioObject,
  index: number,
  weights: Weights,
): Record<string, unknown[]> {
  return obj.kind === 'VirtualService'
    ? { http: setRouteWeights(obj.spec, index, weights) }
    : { rules: setBackendWeights(obj, index, weights) };
}
