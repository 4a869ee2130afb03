import { hasHost, readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
import type { IstioObject } from '@/lib/mesh/types';
import { displayHost, ofKind, resolveHost } from './hosts';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/**
 * IST0140 IngressRouteRulesNotAffected, a warning as in istioctl's virtualservice
 * DestinationHostAnalyzer (istio/istio pkg/config/analysis/analyzers/virtualservice/
 * destinationhosts.go): a gateway applies only the VirtualServices bound to it, so the subsets another
 * VirtualService picks for a host do not steer requests the gateway sends there without a subset.
 * Hosts are compared as Istio reads them (short names in their object's namespace), where istioctl
 * compares the text; a VirtualService bound to `mesh` only is not a gateway's.
 */
export const INGRESS_SUBSET_CODE = 'IST0140';

/** The hosts (as FQDNs) each VirtualService routes to its own host by subset, with the object. */
function subsetRouters(mesh: MeshConfig): { vs: IstioObject; hosts: Set<string> }[] {
  return ofKind(mesh, 'VirtualService').flatMap((vs) => {
    const spec = readVirtualServiceSpec(vs.spec);
    const own = new Set(spec.hosts.map((h) => resolveHost(h, vs.namespace)));
    const hosts = new Set(
      spec.http
        .flatMap((r) => r.route.map((e) => e.destination))
        .filter(hasHost)
        .filter((d) => d.subset !== undefined && d.subset !== '')
        .map((d) => resolveHost(d.host, vs.namespace))
        .filter((h) => own.has(h)),
    );
    return hosts.size > 0 ? [{ vs, hosts }] : [];
  });
}

export function checkIngressSubsetRouting(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  const spec = readVirtualServiceSpec(obj.spec);
  if (!spec.gateways.some((g) => g.ref !== 'mesh')) return [];
  const routers = subsetRouters(mesh);
  return spec.http.flatMap((rule) =>
    rule.route.flatMap((entry): Validation[] => {
      const dest = entry.destination;
      if (!hasHost(dest) || (dest.subset !== undefined && dest.subset !== '')) return [];
      const host = resolveHost(dest.host, obj.namespace);
      return routers
        .filter((r) => r.hosts.has(host))
        .map(({ vs }) => ({
          code: INGRESS_SUBSET_CODE,
          severity: 'warning',
          message: `VirtualService ${vs.namespace}/${vs.name} routes ${displayHost(host)} by subset, but that does not apply to requests this gateway VirtualService sends to ${dest.host} without a subset: a gateway applies only the VirtualServices bound to it. Name the subset here if gateway traffic should follow it.`,
          path: formatPath(dest.path),
        }));
    }),
  );
}
