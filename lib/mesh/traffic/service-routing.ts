/**
 * Which VirtualService and DestinationRules apply to a Kubernetes service. Istio resolves a short host
 * (`reviews`) in the namespace of the object that names it, so `reviews` in bookinfo is
 * `reviews.bookinfo.svc.cluster.local`.
 * Ref https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService-hosts
 */
import { readDestinationRuleSpec } from '../istio/destination-rule';
import { readVirtualServiceSpec } from '../istio/virtual-service';
import type { Inventory, InventoryWorkload, IstioObject } from '../types';

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

/** Applies to sidecars: no `gateways`, or a list naming the reserved `mesh` gateway. */
function routesMeshTraffic(vs: IstioObject): boolean {
  const gateways = readVirtualServiceSpec(vs.spec).gateways.map((g) => g.ref);
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
        readVirtualServiceSpec(o.spec).hosts.some((h) => hostIsService(h, o.namespace, service)),
    )
    .sort(sameNamespaceFirst(service));
}

/** DestinationRules for the service's host, the one in its own namespace first. */
export function destinationRulesFor(
  objects: readonly IstioObject[],
  service: ServiceRef,
): IstioObject[] {
  return objects
    .filter((o) => {
      const host = o.kind === 'DestinationRule' ? readDestinationRuleSpec(o.spec).host : undefined;
      return host !== undefined && hostIsService(host, o.namespace, service);
    })
    .sort(sameNamespaceFirst(service));
}

export interface Subset {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The named subsets of a DestinationRule; malformed entries are skipped (validations report them). */
export function subsetsOf(dr: IstioObject | undefined): Subset[] {
  if (!dr) return [];
  return readDestinationRuleSpec(dr.spec).subsets.flatMap((s) =>
    s.name === undefined ? [] : [{ name: s.name, labels: s.labels ?? {} }],
  );
}

/** True when every label of the subset is on the workload: the subset selects its pods. */
export function selects(
  subsetLabels: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(subsetLabels).every(([k, v]) => labels[k] === v);
}

/** The workloads of the service's namespace its selector selects; none without a selector. */
export function serviceWorkloads(inventory: Inventory, service: ServiceRef): InventoryWorkload[] {
  const svc = inventory.services.find(
    (s) => s.namespace === service.namespace && s.name === service.name,
  );
  const selector = svc?.selector ?? {};
  if (Object.keys(selector).length === 0) return [];
  return inventory.workloads.filter(
    (w) => w.namespace === service.namespace && selects(selector, w.labels),
  );
}
