import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import type { IstioObject } from '@/lib/mesh/types';
import { displayHost, hostsCoveredBy, lookupHost, resolveHost } from './hosts';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/**
 * IST0174 UnknownDestinationRuleHost, a warning: "Host defined in destination rule does not match any
 * services in the mesh" (istioctl's destinationrule SubsetSelectPodAnalyzer, istio/istio
 * pkg/config/analysis/analyzers/destinationrule/subset.go). Kiali: KIA0202. The rule then applies to
 * nothing, which is a slip rather than a failure, hence a warning.
 */
export const UNKNOWN_DR_HOST_CODE = 'IST0174';

export function checkDestinationRuleHost(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'DestinationRule') return [];
  const { host, exportTo } = readDestinationRuleSpec(obj.spec);
  if (host === undefined) return [];
  if (lookupHost(mesh, host, obj.namespace, exportTo)) return [];
  // istioctl also flags a wildcard host that no wildcard ServiceEntry covers, so a mesh-wide `*.local`
  // rule would be reported; it applies to every service it covers, so only an empty cover is a slip.
  if (host.startsWith('*') && hostsCoveredBy(mesh, host, obj.namespace).length > 0) return [];
  const fqdn = resolveHost(host, obj.namespace);
  const relative = fqdn !== host;
  return [
    {
      code: UNKNOWN_DR_HOST_CODE,
      severity: 'warning',
      message: `The host '${host}' matches no service or ServiceEntry visible from ${obj.namespace}${relative ? ` (a short name, read as ${displayHost(fqdn)})` : ''}, so this DestinationRule applies to nothing. Fix the name, or use the FQDN name.namespace.svc.cluster.local for a service in another namespace.`,
      path: formatPath(['spec', 'host']),
    },
  ];
}
