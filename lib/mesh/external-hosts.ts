import type { IstioObject } from './types';

/**
 * Hosts that ServiceEntries declare outside the mesh. Istio's default location is MESH_EXTERNAL, so an
 * entry without a location counts too.
 */
export function externalHosts(objects: readonly IstioObject[]): string[] {
  const hosts = new Set<string>();
  for (const o of objects) {
    if (o.kind !== 'ServiceEntry') continue;
    const location = o.spec.location;
    if (location !== undefined && location !== 'MESH_EXTERNAL') continue;
    const declared = o.spec.hosts;
    if (!Array.isArray(declared)) continue;
    for (const h of declared) if (typeof h === 'string' && h) hosts.add(h);
  }
  return [...hosts].sort();
}
