import {
  hasHost,
  readVirtualServiceSpec,
  rulesOf,
  type HostDestination,
  type RouteRule,
} from '@/lib/mesh/istio/virtual-service';
import type { IstioObject } from '@/lib/mesh/types';

export type DestinationRef = HostDestination;

/** Every route rule of a VirtualService (http, tcp, tls) that is an object. */
export function routesOf(vs: IstioObject): RouteRule[] {
  return rulesOf(readVirtualServiceSpec(vs.spec));
}

/** Every destination of a VirtualService that names a host, routes and mirrors alike. */
export function destinationsOf(vs: IstioObject): DestinationRef[] {
  return routesOf(vs).flatMap((r) =>
    [...r.route.map((e) => e.destination), r.mirror, ...r.mirrors].filter(hasHost),
  );
}

export function labelsMatch(
  selector: Readonly<Record<string, unknown>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
