/**
 * Which VirtualService and DestinationRules apply to a Kubernetes service. Istio resolves a short host
 * (`reviews`) in the namespace of the object that names it, so `reviews` in bookinfo is
 * `reviews.bookinfo.svc.cluster.local`.
 * Ref https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService-hosts
 */
import type { IstioObject } from './types';

export interface ServiceRef {
  readonly namespace: string;
  readonly name: string;
}

/** True when `host`, written in an object of namespace `objectNamespace`, names the service. */
export function hostIsService(host: string, objectNamespace: string, service: ServiceRef): boolean {
  const parts = host.toLowerCase().split('.');
  if (parts[0] !== service.name) return false;
  if (parts.length === 1) return objectNamespace === service.namespace;
  // `svc.ns`, `svc.ns.svc` and `svc.ns.svc.<cluster domain>`.
  return parts[1] === service.namespace && (parts.length === 2 || parts[2] === 'svc');
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Applies to sidecars: no `gateways`, or a list naming the reserved `mesh` gateway. */
function routesMeshTraffic(vs: IstioObject): boolean {
  const gateways = strings(vs.spec.gateways);
  return gateways.length === 0 || gateways.includes('mesh');
}

const sameNamespaceFirst =
  (service: ServiceRef) =>
  (a: IstioObject, b: IstioObject): number =>
    Number(b.namespace === service.namespace) - Number(a.namespace === service.namespace) ||
    a.namespace.localeCompare(b.namespace) ||
    a.name.localeCompare(b.name);

/** VirtualServices routing mesh traffic for the service, the one in its own namespace first. */
export function virtualServicesFor(
  objects: readonly IstioObject[],
  service: ServiceRef,
): IstioObject[] {
  return objects
    .filter(
      (o) =>
        o.kind === 'VirtualService' &&
        routesMeshTraffic(o) &&
        strings(o.spec.hosts).some((h) => hostIsService(h, o.namespace, service)),
    )
    .sort(sameNamespaceFirst(service));
}

/** DestinationRules for the service's host, the one in its own namespace first. */
export function destinationRulesFor(
  objects: readonly IstioObject[],
  service: ServiceRef,
): IstioObject[] {
  return objects
    .filter(
      (o) =>
        o.kind === 'DestinationRule' &&
        typeof o.spec.host === 'string' &&
        hostIsService(o.spec.host, o.namespace, service),
    )
    .sort(sameNamespaceFirst(service));
}

export interface Subset {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The named subsets of a DestinationRule; malformed entries are skipped (validations report them). */
export function subsetsOf(dr: IstioObject | undefined): Subset[] {
  const raw = dr?.spec.subsets;
  if (!Array.isArray(raw)) return [];
  const out: Subset[] = [];
  for (const s of raw as unknown[]) {
    if (typeof s !== 'object' || s === null || !('name' in s) || typeof s.name !== 'string')
      continue;
    const labels: Record<string, string> = {};
    if ('labels' in s && typeof s.labels === 'object' && s.labels !== null) {
      for (const [k, v] of Object.entries(s.labels)) if (typeof v === 'string') labels[k] = v;
    }
    out.push({ name: s.name, labels });
  }
  return out;
}

/** True when every label of the subset is on the workload: the subset selects its pods. */
export function selects(
  subsetLabels: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(subsetLabels).every(([k, v]) => labels[k] === v);
}
