import type { IstioObject } from '@/lib/mesh/types';
import type { PathSegment } from './path';

export type Spec = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): Spec | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Spec)
    : undefined;
}

export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export const ROUTE_KINDS = ['http', 'tcp', 'tls'] as const;

export interface RouteRef {
  readonly kind: (typeof ROUTE_KINDS)[number];
  readonly index: number;
  readonly path: readonly PathSegment[];
  readonly rule: Spec;
  /** The weighted `route` destinations; mirrors are separate because they take no share of traffic. */
  readonly destinations: readonly DestinationRef[];
  readonly mirror?: DestinationRef;
  /** `mirrors`, the list form (Istio ≥ 1.22) beside the single `mirror`. */
  readonly mirrors: readonly DestinationRef[];
}

export interface DestinationRef {
  readonly host: string;
  readonly subset?: string;
  readonly weight?: unknown;
  /** `port.number`, when the destination names a port. */
  readonly port?: number;
  /** Path of the `destination` object. */
  readonly path: readonly PathSegment[];
}

/** Every route rule of a VirtualService (http, tcp, tls) with its weighted destinations. */
export function routesOf(vs: IstioObject): RouteRef[] {
  const out: RouteRef[] = [];
  for (const kind of ROUTE_KINDS) {
    asList(vs.spec[kind]).forEach((raw, index) => {
      const rule = asRecord(raw);
      if (!rule) return;
      const path = ['spec', kind, index];
      const destinations = asList(rule.route).flatMap((r, i) => {
        const route = asRecord(r);
        const dest = toDestination(route?.destination, [...path, 'route', i, 'destination']);
        return dest ? [route?.weight !== undefined ? { ...dest, weight: route.weight } : dest] : [];
      });
      const mirror = toDestination(rule.mirror, [...path, 'mirror']);
      const mirrors = asList(rule.mirrors).flatMap((m, i) => {
        const dest = toDestination(asRecord(m)?.destination, [
          ...path,
          'mirrors',
          i,
          'destination',
        ]);
        return dest ? [dest] : [];
      });
      out.push({ kind, index, path, rule, destinations, mirrors, ...(mirror && { mirror }) });
    });
  }
  return out;
}

function toDestination(raw: unknown, path: PathSegment[]): DestinationRef | undefined {
  const dest = asRecord(raw);
  if (!dest || typeof dest.host !== 'string') return undefined;
  const port = asRecord(dest.port)?.number;
  return {
    host: dest.host,
    ...(typeof dest.subset === 'string' && { subset: dest.subset }),
    ...(typeof port === 'number' && { port }),
    path,
  };
}

/** Every destination of a VirtualService, routes and mirrors alike. */
export function destinationsOf(vs: IstioObject): DestinationRef[] {
  return routesOf(vs).flatMap((r) => [
    ...r.destinations,
    ...(r.mirror ? [r.mirror] : []),
    ...r.mirrors,
  ]);
}

export function labelsMatch(
  selector: Readonly<Record<string, unknown>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
