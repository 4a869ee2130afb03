/**
 * The policies' verdict on every observed edge, for the graph overlay and the workload panels, with
 * how to read the edge's 403s. Envoy's RBAC filter answers 403 with response_flags "-", as an
 * application's 403 is reported, so which one an observed 403 is can only be inferred from the
 * verdict: on an edge the policies deny it is the policy's, on an edge they allow the application's.
 */
import { UNKNOWN_SOURCE_ID, isKnown, workloadId } from '@/lib/mesh/graph/node-ids';
import type { Inventory, IstioObject } from '@/lib/mesh/types';
import type { AuthzVerdict, ObservedCall } from '@/lib/mesh/security/types';
import { DEFAULT_ROOT_NAMESPACE, policiesFor, type PolicyTarget } from './applies';
import { evaluateCall, type CallVerdict, type PolicyRef } from './evaluate';

/** lib/api/security.ts re-exports this as the API's EdgeVerdict. */
export interface EdgeVerdict {
  /** Workload-graph node ids (lib/mesh/graph/node-ids.ts), so the overlay lands on the graph's edges. */
  readonly sourceId: string;
  readonly targetId: string;
  readonly source: string;
  readonly sourceNamespace: string;
  readonly target: string;
  readonly targetNamespace: string;
  /** The source principal the metrics carry (spiffe://…), or 'unknown' for plaintext callers. */
  readonly principal: string;
  readonly rps: number;
  readonly verdict: AuthzVerdict;
  /** The policy that decided (the DENY that matched, the ALLOW that did or the one that did not). */
  readonly decidedBy?: PolicyRef;
  /** With 'depends': the request attributes the metrics do not carry, e.g. ["paths", "methods"]. */
  readonly dependsOn?: readonly string[];
  /** Requests per second answered 403 on this edge in the window. */
  readonly forbiddenRps: number;
  /**
   * How to read the 403s: 'policy' when the verdict is deny (inferred: Istio's metrics do not tell an
   * RBAC 403 from the application's), 'application' when the policies allow the edge.
   */
  readonly forbiddenBy?: 'policy' | 'application';
  readonly explanation: string;
}

/** The labels a call's target workload carries; a workload the inventory lacks has none. */
export function targetOf(call: ObservedCall, inventory: Inventory): PolicyTarget {
  const w = inventory.workloads.find(
    (x) => x.namespace === call.targetNamespace && x.name === call.target,
  );
  return { namespace: call.targetNamespace, labels: w?.labels ?? {} };
}

const named = (p: PolicyRef): string => `${p.action} ${p.namespace}/${p.name}`;

function caller(call: ObservedCall): string {
  return isKnown(call.source) ? `${call.sourceNamespace}/${call.source}` : 'an unknown caller';
}

export function explain(call: ObservedCall, v: CallVerdict, policyCount: number): string {
  const target = `${call.targetNamespace}/${call.target}`;
  const plain = v.plaintext ? ' (plaintext: no principal or namespace can match it)' : '';
  let sentence: string;
  if (policyCount === 0)
    sentence = `No AuthorizationPolicy applies to ${target}: Istio allows the call.`;
  else if (v.verdict === 'allow')
    sentence = v.decidedBy
      ? `${named(v.decidedBy)} allows ${caller(call)} to call ${target}${plain}.`
      : `No ALLOW policy applies to ${target} and no DENY matches ${caller(call)}${plain}: allowed.`;
  else if (v.verdict === 'deny')
    sentence =
      v.decidedBy?.action === 'DENY'
        ? `${named(v.decidedBy)} denies ${caller(call)}${plain}.`
        : `No rule of the ALLOW policies on ${target} matches ${caller(call)}${plain}, so Istio denies it${v.decidedBy ? ` (${named(v.decidedBy)})` : ''}.`;
  else
    sentence = `Depends on ${(v.dependsOn ?? []).join(', ')}, which the metrics do not carry (${(v.undecidedBy ?? []).map(named).join(', ')}).`;
  if (call.forbiddenRps > 0 && v.verdict === 'deny')
    sentence += ` Its 403s are taken as the policy's: inferred, since Envoy reports an RBAC denial with response_flags "-" like an application's 403.`;
  if (call.forbiddenRps > 0 && v.verdict === 'allow')
    sentence += ' The policies allow this edge, so its 403s come from the application.';
  return sentence;
}

export function edgeVerdict(
  call: ObservedCall,
  policies: readonly IstioObject[],
  inventory: Inventory,
  rootNamespace: string = DEFAULT_ROOT_NAMESPACE,
): EdgeVerdict {
  const applied = policiesFor(targetOf(call, inventory), policies, rootNamespace);
  const v = evaluateCall(call, applied);
  const forbiddenBy =
    call.forbiddenRps > 0 && v.verdict === 'deny'
      ? 'policy'
      : call.forbiddenRps > 0 && v.verdict === 'allow'
        ? 'application'
        : undefined;
  return {
    sourceId: isKnown(call.source)
      ? workloadId(call.sourceNamespace, call.source)
      : UNKNOWN_SOURCE_ID,
    targetId: workloadId(call.targetNamespace, call.target),
    source: call.source,
    sourceNamespace: call.sourceNamespace,
    target: call.target,
    targetNamespace: call.targetNamespace,
    principal: call.principal,
    rps: call.rps,
    verdict: v.verdict,
    ...(v.decidedBy && { decidedBy: v.decidedBy }),
    ...(v.dependsOn && { dependsOn: v.dependsOn }),
    forbiddenRps: call.forbiddenRps,
    ...(forbiddenBy && { forbiddenBy }),
    explanation: explain(call, v, applied.filter((p) => p.action !== 'AUDIT').length),
  };
}

/** One verdict per observed call (each call is one source → target edge in the window). */
export function edgeVerdicts(
  calls: readonly ObservedCall[],
  policies: readonly IstioObject[],
  inventory: Inventory,
  rootNamespace: string = DEFAULT_ROOT_NAMESPACE,
): EdgeVerdict[] {
  return calls.map((c) => edgeVerdict(c, policies, inventory, rootNamespace));
}
