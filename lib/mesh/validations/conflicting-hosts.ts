import type { IstioObject } from '@/lib/mesh/types';
import { displayHost, ofKind, resolveHost, stringList } from './hosts';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/**
 * IST0109 ConflictingMeshGatewayVirtualServiceHosts (istio/istio pkg/config/analysis/analyzers/
 * virtualservice/conflictingmeshgatewayhosts.go). Kiali: KIA1106 "More than one Virtual Service for
 * same host". Only VirtualServices bound to the mesh gateway (no `gateways`, or `mesh` listed) count.
 */
export const CONFLICTING_HOSTS_CODE = 'IST0109';

function appliesToMesh(vs: IstioObject): boolean {
  const gateways = stringList(vs.spec.gateways);
  return gateways.length === 0 || gateways.includes('mesh');
}

export function checkConflictingHosts(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'VirtualService' || !appliesToMesh(obj)) return [];
  const others = ofKind(mesh, 'VirtualService').filter(
    (vs) => appliesToMesh(vs) && !(vs.namespace === obj.namespace && vs.name === obj.name),
  );
  const out: Validation[] = [];
  stringList(obj.spec.hosts).forEach((host, index) => {
    const fqdn = resolveHost(host, obj.namespace);
    // A bare `*` host is a catch-all, not a claim on one service (istioctl skips it too).
    if (fqdn === '*') return;
    const rivals = others.filter((vs) =>
      stringList(vs.spec.hosts).some((h) => resolveHost(h, vs.namespace) === fqdn),
    );
    if (rivals.length === 0) return;
    out.push({
      code: CONFLICTING_HOSTS_CODE,
      severity: 'error',
      message: `VirtualService ${rivals.map((r) => `'${r.namespace}/${r.name}'`).join(', ')} also routes ${displayHost(fqdn)} for the mesh; Envoy then uses one of them in an undefined order. Merge them into one VirtualService.`,
      path: formatPath(['spec', 'hosts', index]),
    });
  });
  return out;
}
