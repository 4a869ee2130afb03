import type { IstioObject } from '@/lib/mesh/types';
import { displayHost, hostIsKnown, resolveHost } from './hosts';
import { formatPath, type PathSegment } from './path';
import { destinationsOf } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0101 ReferencedResourceNotFound, as istioctl's destination-host analyzer reports a route to a host
 * that no service or ServiceEntry provides (istio/istio pkg/config/analysis/analyzers/virtualservice/
 * destinationhosts.go). Kiali: KIA1101 "DestinationWeight on route doesn't have a valid service (host
 * not found)", KIA0202 for a DestinationRule host.
 */
export const HOST_NOT_FOUND_CODE = 'IST0101';

function notFound(
  host: string,
  fqdn: string,
  namespace: string,
  path: PathSegment[],
  what: string,
): Validation {
  const relative = !host.includes('.');
  return {
    code: HOST_NOT_FOUND_CODE,
    severity: 'error',
    message: `${what} host '${host}' matches no service or ServiceEntry${relative ? ` (a short name, read as ${displayHost(fqdn)} because this object is in ${namespace})` : ''}. Fix the name, use the FQDN name.namespace.svc.cluster.local for a service in another namespace, or add a ServiceEntry for an external host.`,
    path: formatPath(path),
  };
}

export function checkDestinationHost(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind === 'DestinationRule') {
    const host = obj.spec.host;
    if (typeof host !== 'string') return [];
    const fqdn = resolveHost(host, obj.namespace);
    return hostIsKnown(mesh, fqdn)
      ? []
      : [notFound(host, fqdn, obj.namespace, ['spec', 'host'], 'The')];
  }
  if (obj.kind !== 'VirtualService') return [];
  return destinationsOf(obj)
    .filter((d) => !hostIsKnown(mesh, resolveHost(d.host, obj.namespace)))
    .map((d) =>
      notFound(
        d.host,
        resolveHost(d.host, obj.namespace),
        obj.namespace,
        [...d.path, 'host'],
        'Destination',
      ),
    );
}
