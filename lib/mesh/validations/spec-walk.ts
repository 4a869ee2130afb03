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
  /** The weighted `route` destinations; a mirror is separate because it takes no share of traffic. */
  readonly destinations: readonly DestinationRef[];
  readonly mirror?: DestinationRef;
}

export interface DestinationRef {
  readonly host: string;
  readonly subset?: string;
  readonly weight?: unknown;
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
      const destinations: DestinationRef[] = [];
      asList(rule.route).forEach((r, i) => {
        const route = asRecord(r);
        const dest = asRecord(route?.destination);
        if (!dest || typeof dest.host !== 'string') return;
        destinations.push({
          host: dest.host,
          ...(typeof dest.subset === 'string' && { subset: dest.subset }),
          ...(route?.weight !== undefined && { weight: route.weight }),
          path: [...path, 'route', i, 'destination'],
        });
      });
      const m = asRecord(rule.mirror);
      const mirror: DestinationRef | undefined =
        m && typeof m.host === 'string'
          ? {
              host: m.host,
              ...(typeof m.subset === 'string' && { subset: m.subset }),
              path: [...path, 'mirror'],
            }
          : undefined;
      out.push({ kind, index, path, rule, destinations, ...(mirror && { mirror }) });
    });
  }
  return out;
}

/** Every destination of a VirtualService, routes and mirrors alike. */
export function destinationsOf(vs: IstioObject): DestinationRef[] {
  return routesOf(vs).flatMap((r) => (r.mirror ? [...r.destinations, r.mirror] : r.destinations));
}

export function labelsMatch(
  selector: Readonly<Record<string, unknown>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
