import type { IstioObject } from '@/lib/mesh/types';
import { isRecord } from '@/lib/mesh/istio/read';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0166 IneffectiveSelector, a warning (istioctl's k8sgateway SelectorAnalyzer, istio/istio
 * pkg/config/analysis/analyzers/k8sgateway/workloadselector.go): a policy's workload selector picks the
 * pods of a Kubernetes Gateway API Gateway, where Istio ignores selectors; such a policy must attach to
 * the Gateway with `targetRefs`.
 */
export const INEFFECTIVE_SELECTOR_CODE = 'IST0166';

const POLICY_KINDS: ReadonlySet<IstioObject['kind']> = new Set([
  'AuthorizationPolicy',
  'RequestAuthentication',
  'Telemetry',
  'WasmPlugin',
]);

/** The label Istio puts on the pods it deploys for a Gateway API Gateway. */
const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

export function checkIneffectiveSelector(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (!POLICY_KINDS.has(obj.kind)) return [];
  const { selector, targetRef, targetRefs } = obj.spec;
  // A policy attached with targetRef(s) is effective whatever its selector says.
  if (targetRef !== undefined || targetRefs !== undefined || !isRecord(selector)) return [];
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  const gateways = new Set(
    mesh.inventory.pods
      .filter((p) => p.namespace === obj.namespace && labelsMatch(matchLabels, p.labels))
      .map((p) => p.labels[GATEWAY_NAME_LABEL])
      .filter((name): name is string => name !== undefined),
  );
  return [...gateways].sort().map((name) => ({
    code: INEFFECTIVE_SELECTOR_CODE,
    severity: 'warning',
    message: `This selector picks the pods of Kubernetes Gateway '${name}', where a workload selector has no effect. Attach the policy to the Gateway instead: targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: ${name}}].`,
    path: 'spec.selector',
  }));
}
