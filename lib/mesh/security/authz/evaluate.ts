/**
 * The verdict of the policies that apply to a workload on one observed call, in the order Envoy
 * runs them: CUSTOM (ext_authz) first, then the DENY and ALLOW RBAC filters; AUDIT never decides.
 * 1. A CUSTOM policy that matches hands the request to its external authorizer.
 * 2. A DENY policy that matches denies.
 * 3. No ALLOW policy: allow. 4. An ALLOW policy matches: allow. 5. Deny.
 * Ref https://istio.io/latest/docs/concepts/security/#implicit-enablement
 */
import type { AuthzVerdict, ObservedCall } from '@/lib/mesh/security/types';
import type { AppliedAuthorizationPolicy } from './applies';
import { factsOf, policyMatch, type Match } from './match';

export interface PolicyRef {
  readonly namespace: string;
  readonly name: string;
  readonly action: string;
}

export interface CallVerdict {
  readonly verdict: AuthzVerdict;
  /** The policy that decided: the DENY that matched, the ALLOW that did or the one that did not. */
  readonly decidedBy?: PolicyRef;
  /** With 'depends': what the metrics do not carry, e.g. ["paths", "methods"]. */
  readonly dependsOn?: readonly string[];
  /** The policies that could match but need `dependsOn` to tell. */
  readonly undecidedBy?: readonly PolicyRef[];
  /** The caller came over plaintext: principals and namespaces never match it. */
  readonly plaintext: boolean;
}

const refOf = (p: AppliedAuthorizationPolicy): PolicyRef => ({
  namespace: p.namespace,
  name: p.name,
  action: p.action,
});

const attributesOf = (m: Match): readonly string[] => (m.kind === 'maybe' ? m.attributes : []);

export function evaluateCall(
  call: ObservedCall,
  applied: readonly AppliedAuthorizationPolicy[],
): CallVerdict {
  const facts = factsOf(call);
  const plaintext = facts.principal === '';
  const matched = (action: AppliedAuthorizationPolicy['action']) =>
    applied
      .filter((p) => p.action === action)
      .map((p) => ({ policy: p, match: policyMatch(p.spec.rules, facts, action) }));

  const undecided: { policy: AppliedAuthorizationPolicy; attributes: readonly string[] }[] = [];
  for (const { policy, match } of matched('CUSTOM')) {
    if (match.kind === 'no') continue;
    const provider = policy.spec.provider;
    undecided.push({
      policy,
      attributes: [provider ? `external authorizer ${provider}` : 'external authorizer'],
    });
  }

  const denies = matched('DENY');
  const deny = denies.find((d) => d.match.kind === 'yes');
  if (deny) return { verdict: 'deny', decidedBy: refOf(deny.policy), plaintext };
  for (const d of denies)
    if (d.match.kind === 'maybe')
      undecided.push({ policy: d.policy, attributes: attributesOf(d.match) });

  const allows = matched('ALLOW');
  let allowedBy: AppliedAuthorizationPolicy | undefined;
  if (allows.length > 0) {
    allowedBy = allows.find((a) => a.match.kind === 'yes')?.policy;
    if (!allowedBy) {
      const maybes = allows.filter((a) => a.match.kind === 'maybe');
      const first = allows[0];
      // Even if a DENY or CUSTOM could not be decided, no ALLOW rule can match: denied either way.
      if (maybes.length === 0 && first)
        return { verdict: 'deny', decidedBy: refOf(first.policy), plaintext };
      for (const a of maybes)
        undecided.push({ policy: a.policy, attributes: attributesOf(a.match) });
    }
  }

  if (undecided.length > 0)
    return {
      verdict: 'depends',
      dependsOn: [...new Set(undecided.flatMap((u) => u.attributes))],
      undecidedBy: undecided.map((u) => refOf(u.policy)),
      plaintext,
    };
  return { verdict: 'allow', ...(allowedBy && { decidedBy: refOf(allowedBy) }), plaintext };
}
