import type { InventoryService, IstioObject } from '@/lib/mesh/types';
import { readServiceEntrySpec } from '@/lib/mesh/istio/service-entry';
import type { MeshConfig } from './types';

const CLUSTER_SUFFIX = '.svc.cluster.local';

/** `exportTo` entry meaning every namespace. */
export const EXPORT_ALL = '*';

/**
 * The FQDN Istio reads a host as: a short name (no dot, not a wildcard) is relative to the namespace of
 * the object that names it; anything else is taken as written. Assumes the default cluster domain.
 */
export function resolveHost(host: string, namespace: string): string {
  return host.includes('.') || host.startsWith('*')
    ? host
    : `${host}.${namespace}${CLUSTER_SUFFIX}`;
}

/** `reviews.bookinfo` for a cluster service FQDN, the host unchanged otherwise: how a person says it. */
export function displayHost(fqdn: string): string {
  return fqdn.endsWith(CLUSTER_SUFFIX) ? fqdn.slice(0, -CLUSTER_SUFFIX.length) : fqdn;
}

/**
 * Istio host matching, symmetric: a name starting with `*` matches every name ending with the rest
 * (`*` alone matches all); two wildcards match when one suffix ends with the other.
 */
export function hostMatches(a: string, b: string): boolean {
  const aWild = a.startsWith('*');
  const bWild = b.startsWith('*');
  if (aWild && bWild) return a.length < b.length ? b.endsWith(a.slice(1)) : a.endsWith(b.slice(1));
  if (aWild) return b.endsWith(a.slice(1));
  if (bWild) return a.endsWith(b.slice(1));
  return a === b;
}

export function serviceFqdn(service: InventoryService): string {
  return `${service.name}.${service.namespace}${CLUSTER_SUFFIX}`;
}

/** The Kubernetes service a host names, if it names exactly one. */
export function findService(mesh: MeshConfig, fqdn: string): InventoryService | undefined {
  return mesh.inventory.services.find((s) => serviceFqdn(s) === fqdn);
}

export function ofKind(mesh: MeshConfig, kind: IstioObject['kind']): readonly IstioObject[] {
  return mesh.objects.filter((o) => o.kind === kind);
}

/**
 * The namespaces an object's `exportTo` makes it visible in: `.` is its own namespace, `*` (or no
 * exportTo at all) every namespace, shown as [EXPORT_ALL].
 */
export function exportScopes(exportTo: readonly string[], ownNamespace: string): string[] {
  if (exportTo.length === 0 || exportTo.includes(EXPORT_ALL)) return [EXPORT_ALL];
  return [...new Set(exportTo.map((e) => (e === '.' ? ownNamespace : e)))];
}

/** Something that answers for a host: a Kubernetes service or one host of a ServiceEntry. */
export interface HostProvider {
  readonly fqdn: string;
  /** Namespaces it is visible in (EXPORT_ALL for all). */
  readonly scopes: readonly string[];
  readonly ports: readonly number[];
  readonly kind: 'Service' | 'ServiceEntry';
}

function providers(mesh: MeshConfig): HostProvider[] {
  const out: HostProvider[] = mesh.inventory.services.map((s) => ({
    fqdn: serviceFqdn(s),
    scopes: exportScopes(s.exportTo ?? [], s.namespace),
    ports: s.ports.map((p) => p.port),
    kind: 'Service',
  }));
  for (const se of ofKind(mesh, 'ServiceEntry')) {
    const spec = readServiceEntrySpec(se.spec);
    const scopes = exportScopes(spec.exportTo, se.namespace);
    const ports = spec.ports;
    for (const host of spec.hosts)
      out.push({ fqdn: resolveHost(host, se.namespace), scopes, ports, kind: 'ServiceEntry' });
  }
  return out;
}

/**
 * What answers for `host` as seen by an object in `namespace` with `exportTo`, the way istioctl's
 * destination lookup does it (analyzers/util/service_lookup.go): an exact name visible everywhere, or
 * in a namespace the object is exported to (its own when it has no exportTo); else a wildcard
 * ServiceEntry host visible everywhere or in the object's namespace whose suffix covers the host.
 * A Service's `networking.istio.io/exportTo` annotation and a ServiceEntry's exportTo both count.
 */
export function lookupHost(
  mesh: MeshConfig,
  host: string,
  namespace: string,
  exportTo: readonly string[] = [],
): HostProvider | undefined {
  const fqdn = resolveHost(host, namespace);
  const all = providers(mesh);
  const seenFrom =
    exportTo.length === 0 ? [namespace] : exportTo.map((e) => (e === '.' ? namespace : e));
  const exact = all.filter((p) => p.fqdn === fqdn);
  return (
    exact.find((p) => p.scopes.includes(EXPORT_ALL)) ??
    exact.find((p) => p.scopes.some((s) => seenFrom.includes(s))) ??
    all.find(
      (p) =>
        p.fqdn.startsWith('*') &&
        (p.scopes.includes(EXPORT_ALL) || p.scopes.includes(namespace)) &&
        fqdn.replace(/^\*/, '').endsWith(p.fqdn.slice(1)),
    )
  );
}

/** Every service and ServiceEntry host visible from `namespace` that a wildcard `pattern` covers. */
export function hostsCoveredBy(
  mesh: MeshConfig,
  pattern: string,
  namespace: string,
): HostProvider[] {
  return providers(mesh).filter(
    (p) =>
      (p.scopes.includes(EXPORT_ALL) || p.scopes.includes(namespace)) &&
      hostMatches(pattern, p.fqdn),
  );
}
