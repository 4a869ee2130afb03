import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
import type { IstioObject } from '@/lib/mesh/types';
import { displayHost, lookupHost, resolveHost, type HostProvider } from './hosts';
import { formatPath } from './path';
import { destinationsOf, type DestinationRef } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0101 ReferencedResourceNotFound, as istioctl's destination-host analyzer reports a route or mirror
 * to a host that no service or ServiceEntry visible from the VirtualService provides, or to a port the
 * host does not have (istio/istio pkg/config/analysis/analyzers/virtualservice/destinationhosts.go).
 * Kiali: KIA1101 "DestinationWeight on route doesn't have a valid service (host not found)".
 */
export const HOST_NOT_FOUND_CODE = 'IST0101';

/**
 * IST0112 VirtualServiceDestinationPortSelectorRequired: the same analyzer, when the destination names
 * no port and the host has several, so which one traffic goes to is ambiguous.
 */
export const PORT_REQUIRED_CODE = 'IST0112';

function hostNotFound(obj: IstioObject, dest: DestinationRef): Validation {
  const fqdn = resolveHost(dest.host, obj.namespace);
  const relative = fqdn !== dest.host;
  return {
    code: HOST_NOT_FOUND_CODE,
    severity: 'error',
    message: `Destination host '${dest.host}' matches no service or ServiceEntry visible from ${obj.namespace}${relative ? ` (a short name, read as ${displayHost(fqdn)} because this object is in ${obj.namespace})` : ''}. Fix the name, use the FQDN name.namespace.svc.cluster.local for a service in another namespace, add a ServiceEntry for an external host, or check the exportTo of the one that exists.`,
    path: formatPath([...dest.path, 'host']),
  };
}

function portProblem(dest: DestinationRef, provider: HostProvider): Validation | undefined {
  const ports = provider.ports.join(', ');
  if (dest.port === undefined) {
    if (provider.ports.length < 2) return undefined;
    return {
      code: PORT_REQUIRED_CODE,
      severity: 'error',
      message: `'${dest.host}' exposes several ports (${ports}) and this destination names none, so which one receives the traffic is ambiguous. Add port.number.`,
      path: formatPath([...dest.path, 'host']),
    };
  }
  if (provider.ports.includes(dest.port)) return undefined;
  return {
    code: HOST_NOT_FOUND_CODE,
    severity: 'error',
    message: `'${dest.host}' has no port ${dest.port}${ports ? `; its ${provider.kind} exposes ${ports}` : ''}. Traffic to it has nowhere to go.`,
    path: formatPath([...dest.path, 'port', 'number']),
  };
}

export function checkDestinationHost(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  const exportTo = readVirtualServiceSpec(obj.spec).exportTo;
  return destinationsOf(obj).flatMap((dest) => {
    const provider = lookupHost(mesh, dest.host, obj.namespace, exportTo);
    if (!provider) return [hostNotFound(obj, dest)];
    const port = portProblem(dest, provider);
    return port ? [port] : [];
  });
}
