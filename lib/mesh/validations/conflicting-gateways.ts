import type { IstioObject } from '@/lib/mesh/types';
import {
  describeSelector,
  otherGateways,
  readGatewayDetail,
  type GatewayDetail,
} from './gateway-servers';
import { formatPath } from './path';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0145 ConflictingGateways, an error (istioctl's ConflictingGatewayAnalyzer, istio/istio
 * pkg/config/analysis/analyzers/gateway/conflictinggateway.go): two Gateways on the same workload
 * declare a server on the same port for the same host and bind address. Istio keeps one of them for
 * that host and drops the other server, so one Gateway's routes silently stop working. Each of the two
 * Gateways is reported, naming the other.
 */
export const CONFLICTING_GATEWAYS_CODE = 'IST0145';

/**
 * Both Gateways run on the same workload: their selectors are equal, or one holds the other's labels
 * and a pod carries both (as istioctl decides it, not by arbitrary overlap).
 */
function sameWorkload(a: GatewayDetail, b: GatewayDetail, mesh: MeshConfig): boolean {
  const within = labelsMatch(a.selector, b.selector);
  const contains = labelsMatch(b.selector, a.selector);
  if (within && contains) return true;
  if (!within && !contains) return false;
  return mesh.inventory.pods.some(
    (p) => labelsMatch(a.selector, p.labels) && labelsMatch(b.selector, p.labels),
  );
}

export function checkConflictingGateways(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'Gateway') return [];
  const gateway = readGatewayDetail(obj.spec);
  const others = otherGateways(obj, mesh)
    .map((o) => ({ name: `${o.namespace}/${o.name}`, detail: readGatewayDetail(o.spec) }))
    .filter((o) => sameWorkload(gateway, o.detail, mesh));
  return gateway.servers.flatMap((server): Validation[] => {
    if (server.port === undefined) return [];
    const clashes = others.flatMap(({ name, detail }) => {
      // Istio compares hosts as written, per bind address: `*` and `a.com` do not clash.
      const hosts = detail.servers
        .filter((s) => s.port === server.port && (s.bind ?? '') === (server.bind ?? ''))
        .flatMap((s) => s.hosts.filter((h) => server.hosts.includes(h)));
      return hosts.length ? [{ name, hosts: [...new Set(hosts)] }] : [];
    });
    if (clashes.length === 0) return [];
    const list = clashes
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => `${c.name} (${c.hosts.join(', ')})`)
      .join(', ');
    return [
      {
        code: CONFLICTING_GATEWAYS_CODE,
        severity: 'error',
        message: `This server (port ${server.port}, hosts ${server.hosts.join(', ')}) conflicts with Gateway ${list} on the same workload (${describeSelector(gateway.selector)}): Istio keeps only one server per host and port, so the other's routes are dropped. Merge the servers into one Gateway, or give each its own hosts or port.`,
        path: formatPath(server.path),
      },
    ];
  });
}
