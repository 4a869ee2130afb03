import type { InventoryService, IstioObject } from '@/lib/mesh/types';
import type { MeshConfig } from './types';

const CLUSTER_SUFFIX = '.svc.cluster.local';

/**
 * The FQDN Istio reads a host as: a short name (no dot) is relative to the namespace of the object that
 * names it; anything with a dot is taken as written. Assumes the default cluster domain.
 */
export function resolveHost(host: string, namespace: string): string {
  return host.includes('.') || host === '*' ? host : `${host}.${namespace}${CLUSTER_SUFFIX}`;
}

/** `reviews.bookinfo` for a cluster service FQDN, the host unchanged otherwise: how a person says it. */
export function displayHost(fqdn: string): string {
  return fqdn.endsWith(CLUSTER_SUFFIX) ? fqdn.slice(0, -CLUSTER_SUFFIX.length) : fqdn;
}

/** Istio host matching: `*` matches all, `*.example.com` any name ending in `.example.com`. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*' || host === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) || host === pattern;
  if (host.startsWith('*.')) return pattern.endsWith(host.slice(1));
  return pattern === host;
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

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** True when a service or a ServiceEntry host answers for `fqdn`. */
export function hostIsKnown(mesh: MeshConfig, fqdn: string): boolean {
  if (fqdn === '*' || fqdn.startsWith('*.')) return true;
  if (findService(mesh, fqdn)) return true;
  return ofKind(mesh, 'ServiceEntry').some((se) =>
    stringList(se.spec.hosts).some((h) => hostMatches(resolveHost(h, se.namespace), fqdn)),
  );
}
