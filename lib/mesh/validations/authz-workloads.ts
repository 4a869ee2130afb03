import { readAuthorizationPolicySpec } from '@/lib/mesh/istio/authorization-policy';
import { ISTIO_DEFAULT_TLS_SETTINGS } from '@/lib/mesh/security/mtls/client-tls';
import type { InventoryPod, IstioObject } from '@/lib/mesh/types';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0127 NoMatchingWorkloadsFound, a warning, as istioctl's AuthorizationPoliciesAnalyzer
 * (pkg/config/analysis/analyzers/authz/authorizationpolicies.go) reports it: a policy whose selector
 * matches no pod in the mesh (the whole mesh for the root namespace, else its namespace), or a
 * namespace-wide policy in a namespace with no pod in the mesh. It protects nothing. Kiali: KIA0004.
 */
export const NO_MATCHING_WORKLOADS_CODE = 'IST0127';

/** The pods an AuthorizationPolicy may reach: in the mesh, i.e. with a proxy. */
const inMesh = (pods: readonly InventoryPod[]) => pods.filter((p) => p.hasSidecar);

export function checkAuthzNoMatchingWorkloads(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'AuthorizationPolicy') return [];
  const spec = readAuthorizationPolicySpec(obj.spec);
  // targetRefs attach to gateways and waypoints, which are not selected by labels.
  if (spec.targetRefs.length > 0) return [];
  const root = obj.namespace === ISTIO_DEFAULT_TLS_SETTINGS.rootNamespace;
  const selector = spec.matchLabels ?? {};
  const hasSelector = Object.keys(selector).length > 0;
  if (root && !hasSelector) return [];
  const pods = inMesh(mesh.inventory.pods).filter((p) => root || p.namespace === obj.namespace);
  if (pods.some((p) => labelsMatch(selector, p.labels))) return [];
  const labels = Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return [
    {
      code: NO_MATCHING_WORKLOADS_CODE,
      severity: 'warning',
      message: hasSelector
        ? `No workload in the mesh${root ? '' : ` in ${obj.namespace}`} has the labels ${labels}: this policy protects nothing. Check the selector against the pods' labels.`
        : `No workload in the mesh runs in ${obj.namespace}: this namespace-wide policy protects nothing yet.`,
      path: hasSelector ? 'spec.selector.matchLabels' : 'metadata.namespace',
    },
  ];
}
