import type { IstioObject } from '@/lib/mesh/types';
import { gatewayKey, isInternalGatewayRef } from './gateway-not-found';
import { hostMatches, ofKind } from './hosts';
import { formatPath } from './path';
import { readGatewaySpec } from '@/lib/mesh/istio/gateway';
import { isRecord } from '@/lib/mesh/istio/read';
import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
import type { MeshConfig, Validation } from './types';

/**
 * IST0132 VirtualServiceHostNotFoundInGateway, a warning (istioctl's virtualservice gateway analyzer,
 * istio/istio pkg/config/analysis/analyzers/virtualservice/gateways.go): none of the VirtualService's
 * hosts is served by a gateway it binds to, so the gateway never routes with it. Kiali: KIA1105.
 */
export const HOST_NOT_IN_GATEWAY_CODE = 'IST0132';

/**
 * The hosts a gateway's servers offer to VirtualServices of `vsNamespace`. A server host is `host`
 * (any namespace), `*\/host` (any namespace), `./host` (the gateway's own) or `ns/host` (that one).
 */
function hostsOffered(gateway: IstioObject, vsNamespace: string): string[] {
  if (gateway.kind === 'K8sGateway') return listenerHostnames(gateway);
  return readGatewaySpec(gateway.spec)
    .servers.flatMap((s) => s.hosts)
    .flatMap((h) => {
      const slash = h.indexOf('/');
      if (slash < 0) return [h];
      const ns = h.slice(0, slash);
      const name = h.slice(slash + 1);
      const owner = ns === '.' ? gateway.namespace : ns;
      return owner === '*' || owner === vsNamespace ? [name] : [];
    });
}

/** A Gateway API Gateway's listeners' hostnames; a listener without one serves every host. */
function listenerHostnames(gateway: IstioObject): string[] {
  const listeners = Array.isArray(gateway.spec.listeners) ? gateway.spec.listeners : [];
  return listeners.map((l: unknown) =>
    isRecord(l) && typeof l.hostname === 'string' ? l.hostname : '*',
  );
}

export function checkGatewayHosts(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  const vs = readVirtualServiceSpec(obj.spec);
  const hosts = vs.hosts;
  const gateways = [...ofKind(mesh, 'Gateway'), ...ofKind(mesh, 'K8sGateway')];
  // Only the top-level gateways count, as in istioctl.
  return vs.gateways.flatMap(({ ref, path }): Validation[] => {
    // `mesh` is the sidecars; a generated gateway gets IST0165 instead (checkGatewayNotFound).
    if (ref === 'mesh' || isInternalGatewayRef(ref)) return [];
    const key = gatewayKey(ref, obj.namespace);
    const gateway = gateways.find((g) => `${g.namespace}/${g.name}` === key);
    // A missing gateway offers no host: istioctl reports this beside IST0101, and so do we.
    const offered = gateway ? hostsOffered(gateway, obj.namespace) : [];
    if (offered.some((g) => hosts.some((h) => hostMatches(g, h)))) return [];
    return [
      {
        code: HOST_NOT_IN_GATEWAY_CODE,
        severity: 'warning',
        message: gateway
          ? `None of this VirtualService's hosts (${hosts.join(', ') || 'none'}) is served by Gateway '${key}'${offered.length ? `, which serves ${offered.join(', ')}` : ', which serves no host to this namespace'}, so that gateway never uses these routes. Add the host to the Gateway's servers (listeners' hostnames on a Gateway API Gateway), or fix the VirtualService's hosts.`
          : `Gateway '${key}' does not exist, so it serves none of this VirtualService's hosts (${hosts.join(', ') || 'none'}).`,
        path: formatPath(path),
      },
    ];
  });
}
