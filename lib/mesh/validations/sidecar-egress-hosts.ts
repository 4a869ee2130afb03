import type { IstioObject } from '@/lib/mesh/types';
import { hostsCoveredBy, lookupHost, resolveHost } from './hosts';
import { readSidecarSpec } from './sidecar-spec';
import type { MeshConfig, Validation } from './types';

/**
 * Sidecar egress hosts (`namespace/dnsName`) that import nothing, as Kiali's EgressHostChecker
 * (business/checkers/sidecars/egress_listener_checker.go) reports them: KIA1004 (warning) for a host
 * that no service or ServiceEntry visible from the Sidecar's namespace answers, or whose namespace part
 * names no namespace; KIA1003 (error) for a host not of the form `namespace/dnsName`, which Istio
 * refuses. `*`, `.` and `~` as namespace and `*` as name are always valid. Like Kiali, the name is
 * looked up among everything the Sidecar's namespace sees, whatever namespace the host names.
 */
export const EGRESS_HOST_NOT_FOUND = 'KIA1004';
export const EGRESS_HOST_INVALID = 'KIA1003';

const CLUSTER_SUFFIX = '.svc.cluster.local';
const NAMESPACE_WILDCARDS = new Set(['*', '.', '~']);

/** A wildcard name imports something when it covers a visible host, or its own namespace's services. */
function wildcardImports(mesh: MeshConfig, dnsName: string, namespace: string): boolean {
  if (dnsName === `*.${namespace}${CLUSTER_SUFFIX}`) return true;
  return (
    hostsCoveredBy(mesh, dnsName, namespace).length > 0 ||
    lookupHost(mesh, dnsName, namespace) !== undefined
  );
}

function checkHost(
  sc: IstioObject,
  mesh: MeshConfig,
  host: string,
  path: string,
): Validation | undefined {
  const parts = host.split('/');
  const [hostNamespace, dnsName] = parts;
  if (parts.length !== 2 || !hostNamespace || !dnsName) {
    return {
      code: EGRESS_HOST_INVALID,
      severity: 'error',
      message: `Egress host "${host}" is not of the form namespace/dnsName (e.g. "./reviews.${sc.namespace}${CLUSTER_SUFFIX}" or "istio-system/*"): Istio refuses this Sidecar.`,
      path,
    };
  }
  const { namespaces } = mesh.inventory;
  if (
    !NAMESPACE_WILDCARDS.has(hostNamespace) &&
    namespaces.length > 0 &&
    !namespaces.some((ns) => ns.name === hostNamespace)
  ) {
    return {
      code: EGRESS_HOST_NOT_FOUND,
      severity: 'warning',
      message: `Egress host "${host}" names namespace ${hostNamespace}, which does not exist: the Sidecar imports nothing from it. Fix the namespace, or use "*/" for any namespace.`,
      path,
    };
  }
  if (dnsName === '*') return undefined;
  const found = dnsName.startsWith('*')
    ? wildcardImports(mesh, dnsName, sc.namespace)
    : lookupHost(mesh, resolveHost(dnsName, sc.namespace), sc.namespace) !== undefined;
  if (found) return undefined;
  return {
    code: EGRESS_HOST_NOT_FOUND,
    severity: 'warning',
    message: `Egress host "${host}": no service or ServiceEntry visible from namespace ${sc.namespace} matches ${dnsName}, so the Sidecar imports nothing for it. Check the name, or create the service or ServiceEntry.`,
    path,
  };
}

export function checkSidecarEgressHosts(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'Sidecar') return [];
  return readSidecarSpec(obj.spec).egressHosts.flatMap(({ host, path }) => {
    const finding = checkHost(obj, mesh, host, path);
    return finding ? [finding] : [];
  });
}
