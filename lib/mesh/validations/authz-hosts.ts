import type { IstioObject } from '@/lib/mesh/types';
import { readAuthorizationPolicySpec } from '@/lib/mesh/istio/authorization-policy';
import { readGatewaySpec } from '@/lib/mesh/istio/gateway';
import { readServiceEntrySpec } from '@/lib/mesh/istio/service-entry';
import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/**
 * Kiali's KIA0104 "This host has no matching entry in the service registry", a warning: a
 * `to.operation.hosts` (or `notHosts`) value that no Service, ServiceEntry, Gateway server or
 * VirtualService answers for, so no request carries it as its Host and the operation never matches.
 */
export const AUTHZ_HOST_NOT_FOUND_CODE = 'KIA0104';

/** The Host header values requests can carry in this mesh, lower-cased, without ports. */
function knownHosts(mesh: MeshConfig): { exact: Set<string>; wildcards: string[] } {
  const exact = new Set<string>();
  const wildcards: string[] = [];
  const add = (host: string): void => {
    const h = host.toLowerCase();
    // A bare `*` (a catch-all gateway server) names no host, so it vouches for none.
    if (h === '*') return;
    if (h.startsWith('*')) wildcards.push(h.slice(1));
    else exact.add(h);
  };
  for (const s of mesh.inventory.services) {
    for (const form of [s.name, `${s.name}.${s.namespace}`, `${s.name}.${s.namespace}.svc`])
      add(form);
    add(`${s.name}.${s.namespace}.svc.cluster.local`);
  }
  for (const o of mesh.objects) {
    if (o.kind === 'ServiceEntry') readServiceEntrySpec(o.spec).hosts.forEach(add);
    if (o.kind === 'VirtualService') readVirtualServiceSpec(o.spec).hosts.forEach(add);
    if (o.kind === 'Gateway')
      for (const server of readGatewaySpec(o.spec).servers)
        for (const host of server.hosts)
          add(host.includes('/') ? (host.split('/')[1] ?? '') : host);
  }
  return { exact, wildcards };
}

/** `host` or `host:port` as Istio compares it: case-insensitive, the port not part of the name. */
function hostPart(value: string): string {
  return value.toLowerCase().replace(/:\d+$/, '');
}

export function checkAuthzHosts(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'AuthorizationPolicy') return [];
  const spec = readAuthorizationPolicySpec(obj.spec);
  const written = spec.rules.flatMap((rule) =>
    rule.to.flatMap((op, j) =>
      ['hosts', 'notHosts'].flatMap((field) =>
        (op[field] ?? []).map((value, i) => ({
          value,
          path: [...rule.path, 'to', j, 'operation', field, i],
        })),
      ),
    ),
  );
  if (written.length === 0) return [];
  const known = knownHosts(mesh);
  return written.flatMap(({ value, path }) => {
    if (value.includes('*')) return [];
    const host = hostPart(value);
    if (known.exact.has(host) || known.wildcards.some((suffix) => host.endsWith(suffix))) return [];
    return [
      {
        code: AUTHZ_HOST_NOT_FOUND_CODE,
        severity: 'warning' as const,
        message: `No Service, ServiceEntry, Gateway or VirtualService answers for the host "${value}": no request carries it, so this operation never matches. Check the spelling, or use the host clients send.`,
        path: formatPath(path),
      },
    ];
  });
}
