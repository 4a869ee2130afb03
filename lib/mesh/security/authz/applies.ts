/**
 * Which AuthorizationPolicies a workload's proxy enforces, as istiod attaches them
 * (pilot/pkg/model/policyattachment.go ShouldAttachPolicy), in Istio's evaluation order.
 * Ref https://istio.io/latest/docs/reference/config/security/authorization-policy/
 */
import {
  readAuthorizationPolicySpec,
  type AuthorizationPolicySpec,
} from '@/lib/mesh/istio/authorization-policy';
import type { IstioObject } from '@/lib/mesh/types';

/** Istio's default mesh config rootNamespace. */
export const DEFAULT_ROOT_NAMESPACE = 'istio-system';

/** The label Gateway API deployments carry; istiod attaches `targetRefs` policies through it. */
const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

export type AuthorizationAction = 'CUSTOM' | 'DENY' | 'ALLOW' | 'AUDIT';

/** One AuthorizationPolicy that applies to a workload; lib/api/security.ts re-exports it. */
export interface AppliedPolicy {
  readonly namespace: string;
  readonly name: string;
  readonly action: AuthorizationAction;
  /** How it reaches the workload. */
  readonly scope: 'mesh' | 'namespace' | 'selector' | 'targetRef';
  /** Number of rules; 0 with ALLOW denies everything, 0 with DENY denies nothing. */
  readonly rules: number;
}

export interface AppliedAuthorizationPolicy extends AppliedPolicy {
  readonly spec: AuthorizationPolicySpec;
}

/** The workload a request arrives at: its namespace and its pods' labels. */
export interface PolicyTarget {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

const ORDER: readonly AuthorizationAction[] = ['CUSTOM', 'DENY', 'ALLOW', 'AUDIT'];

function isSubset(
  wanted: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(wanted).every(([k, v]) => labels[k] === v);
}

function scopeOf(
  policy: IstioObject,
  spec: AuthorizationPolicySpec,
  target: PolicyTarget,
  rootNamespace: string,
): AppliedAuthorizationPolicy['scope'] | null {
  const inRoot = policy.namespace === rootNamespace;
  if (!inRoot && policy.namespace !== target.namespace) return null;
  const gatewayName = target.labels[GATEWAY_NAME_LABEL];
  if (spec.targetRefs.length > 0) {
    // Sidecars ignore targetRefs policies altogether; a Gateway API deployment takes the ones
    // naming its Gateway in its own namespace. Service and ServiceEntry refs attach to waypoints,
    // which see the request before the workload does and are not this workload's proxy.
    if (gatewayName === undefined || policy.namespace !== target.namespace) return null;
    const named = spec.targetRefs.some(
      (ref) =>
        ref.kind === 'Gateway' &&
        ref.group === 'gateway.networking.k8s.io' &&
        ref.name === gatewayName &&
        (ref.namespace === undefined || ref.namespace === '' || ref.namespace === target.namespace),
    );
    return named ? 'targetRef' : null;
  }
  if (spec.matchLabels !== undefined && Object.keys(spec.matchLabels).length > 0)
    return isSubset(spec.matchLabels, target.labels) ? 'selector' : null;
  return inRoot ? 'mesh' : 'namespace';
}

function actionOf(action: string): AuthorizationAction | null {
  return ORDER.find((a) => a === action) ?? null;
}

/**
 * The policies that apply to `target`, CUSTOM first, then DENY, ALLOW and AUDIT (which never
 * decides), each with how it reaches the workload. A policy with an action Istio does not know is
 * rejected by its validation and left out.
 */
export function policiesFor(
  target: PolicyTarget,
  policies: readonly IstioObject[],
  rootNamespace: string = DEFAULT_ROOT_NAMESPACE,
): AppliedAuthorizationPolicy[] {
  const applied: AppliedAuthorizationPolicy[] = [];
  for (const policy of policies) {
    if (policy.kind !== 'AuthorizationPolicy') continue;
    const spec = readAuthorizationPolicySpec(policy.spec);
    const action = actionOf(spec.action);
    const scope = action && scopeOf(policy, spec, target, rootNamespace);
    if (!action || !scope) continue;
    applied.push({
      namespace: policy.namespace,
      name: policy.name,
      action,
      scope,
      rules: spec.rules.length,
      spec,
    });
  }
  return applied.sort(
    (a, b) =>
      ORDER.indexOf(a.action) - ORDER.indexOf(b.action) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}

/** {@link policiesFor} as a workload's panel lists them: without the read spec. */
export function appliedPolicies(
  target: PolicyTarget,
  policies: readonly IstioObject[],
  rootNamespace: string = DEFAULT_ROOT_NAMESPACE,
): AppliedPolicy[] {
  return policiesFor(target, policies, rootNamespace).map(
    ({ namespace, name, action, scope, rules }) => ({ namespace, name, action, scope, rules }),
  );
}
