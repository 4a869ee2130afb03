import { readServiceEntrySpec } from './service-entry';
import type { IstioObject } from '../types';

/**
 * Hosts that ServiceEntries declare outside the mesh. Istio's default location is MESH_EXTERNAL, so an
 * entry without a location counts too.
 */
export function externalHosts(objects: readonly IstioObject[]): string[] {
  const hosts = new Set<string>();
  for (const o of objects) {
    if (o.kind !== 'ServiceEntry') continue;
    const se = readServiceEntrySpec(o.spec);
    if (se.location !== undefined && se.location !== 'MESH_EXTERNAL') continue;
    for (const h of se.hosts) if (h) hosts.add(h);
  }
  return [...hosts].sort();
}
