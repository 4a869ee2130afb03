import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
import type { IstioObject } from '@/lib/mesh/types';
import { EXPORT_ALL, displayHost, exportScopes, hostMatches, ofKind, resolveHost } from './hosts';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/**
 * IST0109 ConflictingMeshGatewayVirtualServiceHosts (istio/istio pkg/config/analysis/analyzers/
 * virtualservice/conflictingmeshgatewayhosts.go). Kiali: KIA1106 "More than one Virtual Service for
 * same host". Only VirtualServices bound to the mesh gateway (no `gateways`, or `mesh` listed) count.
 */
export const CONFLICTING_HOSTS_CODE = 'IST0109';

function appliesToMesh(vs: IstioObject): boolean {
  const gateways = readVirtualServiceSpec(vs.spec).gateways.map((g) => g.ref);
  return gateways.length === 0 || gateways.includes('mesh');
}

/** A VirtualService's hosts as FQDNs, and the namespaces whose sidecars it is exported to. */
interface Claim {
  readonly vs: IstioObject;
  readonly scopes: readonly string[];
  readonly fqdns: readonly string[];
}

function claimOf(vs: IstioObject): Claim {
  return {
    vs,
    scopes: exportScopes(readVirtualServiceSpec(vs.spec).exportTo, vs.namespace),
    fqdns: readVirtualServiceSpec(vs.spec).hosts.map((h) => resolveHost(h, vs.namespace)),
  };
}

/**
 * Whether two claims on `fqdn` and `other` collide, as istioctl decides: two VirtualServices exported
 * to the same namespace (or both to all) collide on the very same host name only; one exported to all
 * namespaces collides with one exported to a few wherever their hosts overlap, wildcards included. Two
 * VirtualServices exported to different namespaces never meet in one sidecar.
 */
function collide(mine: Claim, fqdn: string, theirs: Claim, other: string): boolean {
  const mineAll = mine.scopes.includes(EXPORT_ALL);
  const theirsAll = theirs.scopes.includes(EXPORT_ALL);
  if (mineAll !== theirsAll) return hostMatches(fqdn, other);
  return fqdn === other && mine.scopes.some((s) => theirs.scopes.includes(s));
}

export function checkConflictingHosts(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'VirtualService' || !appliesToMesh(obj)) return [];
  const mine = claimOf(obj);
  const others = ofKind(mesh, 'VirtualService')
    .filter((vs) => appliesToMesh(vs) && !(vs.namespace === obj.namespace && vs.name === obj.name))
    .map(claimOf);
  const out: Validation[] = [];
  mine.fqdns.forEach((fqdn, index) => {
    // A bare `*` host is refused by Istio's validation for a mesh-bound VirtualService; not a claim.
    if (fqdn === '*') return;
    const rivals = others.filter((theirs) =>
      theirs.fqdns.some((other) => other !== '*' && collide(mine, fqdn, theirs, other)),
    );
    if (rivals.length === 0) return;
    out.push({
      code: CONFLICTING_HOSTS_CODE,
      severity: 'error',
      message: `VirtualService ${rivals.map((r) => `'${r.vs.namespace}/${r.vs.name}'`).join(', ')} also routes ${displayHost(fqdn)} for the same sidecars; Envoy then uses one of them in an undefined order. Merge them into one VirtualService.`,
      path: formatPath(['spec', 'hosts', index]),
    });
  });
  return out;
}
