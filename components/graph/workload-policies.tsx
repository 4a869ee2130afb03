'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { authorizationPolicyHref, leastPrivilegeHref } from '@/components/ui/authz-links';
import type { AppliedPolicy, EdgeVerdict, WorkloadSecurity } from '@/lib/api/security';
import { useSessionQuery } from '@/lib/client/use-session';
import { writeDecision } from '@/lib/mesh/access/write-permission';

const LINK = 'font-medium text-sky-700 underline dark:text-sky-400';

/** Istio's order: CUSTOM, then DENY, then ALLOW; AUDIT only logs and decides nothing. */
const ORDER: Readonly<Record<AppliedPolicy['action'], number>> = {
  CUSTOM: 0,
  DENY: 1,
  ALLOW: 2,
  AUDIT: 3,
};

const SCOPE_WORDS: Readonly<Record<AppliedPolicy['scope'], string>> = {
  mesh: 'mesh-wide (root namespace)',
  namespace: 'namespace-wide',
  selector: 'selects this workload',
  targetRef: 'targetRef',
};

function rulesText(p: AppliedPolicy): string {
  if (p.rules > 0) return `${p.rules} ${p.rules === 1 ? 'rule' : 'rules'}`;
  if (p.action === 'ALLOW') return 'no rules: denies every request';
  if (p.action === 'DENY') return 'no rules: denies nothing';
  return 'no rules';
}

/** What the set of policies means before any rule is read. */
function summary(policies: readonly AppliedPolicy[]): string {
  if (policies.length === 0) return 'No AuthorizationPolicy applies: every request is allowed.';
  if (!policies.some((p) => p.action === 'ALLOW'))
    return 'No ALLOW policy applies: every request that no CUSTOM or DENY policy stops is allowed.';
  return 'An ALLOW policy applies: a request no ALLOW rule matches is denied.';
}

function sortedPolicies(policies: readonly AppliedPolicy[]): AppliedPolicy[] {
  return [...policies].sort(
    (a, b) =>
      ORDER[a.action] - ORDER[b.action] ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}

export interface WorkloadPoliciesProps {
  readonly workload: WorkloadSecurity | undefined;
  /** Verdicts on the observed edges into the workload. */
  readonly inbound: readonly EdgeVerdict[];
}

/**
 * The node panel's authorization section: the policies that apply in evaluation order, what the
 * observed callers get, and the way to a least-privilege ALLOW policy built from them.
 */
export function WorkloadPolicies({ workload, inbound }: WorkloadPoliciesProps): ReactNode {
  if (!workload)
    return (
      <section aria-labelledby="workload-authz-title" className="text-sm">
        <h3 id="workload-authz-title" className="text-sm font-semibold">
          Authorization policies
        </h3>
        <p className="text-slate-600 dark:text-slate-400">
          Meshlens has no security posture for this workload.
        </p>
      </section>
    );
  const policies = sortedPolicies(workload.policies);
  const denied = inbound.filter((v) => v.verdict === 'deny').length;
  const depends = inbound.filter((v) => v.verdict === 'depends').length;
  return (
    <section aria-labelledby="workload-authz-title" className="flex flex-col gap-2 text-sm">
      <h3 id="workload-authz-title" className="text-sm font-semibold">
        Authorization policies, in evaluation order
      </h3>
      <p>{summary(policies)}</p>
      {policies.length > 0 && (
        <ol className="flex flex-col gap-1">
          {policies.map((p) => (
            <li key={`${p.namespace}/${p.name}`} className="flex flex-wrap items-baseline gap-x-2">
              <span className="w-16 shrink-0 font-mono text-xs font-semibold">{p.action}</span>
              <Link className={LINK} href={authorizationPolicyHref(p.namespace, p.name)}>
                {p.namespace}/{p.name}
              </Link>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {SCOPE_WORDS[p.scope]}, {rulesText(p)}
                {p.action === 'AUDIT' ? '; logs only' : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      {inbound.length > 0 && (
        <p className="text-xs text-slate-700 dark:text-slate-300">
          Observed callers: {inbound.length - denied - depends} allowed, {denied} denied, {depends}{' '}
          depending on request attributes.
        </p>
      )}
      <LeastPrivilegeEntry namespace={workload.namespace} workload={workload.name} />
    </section>
  );
}

/**
 * The way to the least-privilege form, offered as a build only where the person may create an
 * AuthorizationPolicy (the form checks again); otherwise the reason, and the policy to read. The
 * section renders only once GET /api/security answered, on the client, so the session cannot
 * differ from a server render here.
 */
function LeastPrivilegeEntry({
  namespace,
  workload,
}: {
  namespace: string;
  workload: string;
}): ReactNode {
  const session = useSessionQuery().data;
  if (!session) return null;
  const href = leastPrivilegeHref(namespace, workload);
  const decision = writeDecision(session, {
    verb: 'create',
    kind: 'AuthorizationPolicy',
    namespace,
  });
  if (decision.allowed)
    return (
      <Link className={LINK} href={href}>
        Build a least-privilege ALLOW policy from the observed callers →
      </Link>
    );
  return (
    <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="least-privilege-denied">
      {decision.reason}{' '}
      <Link className={LINK} href={href}>
        See the least-privilege policy Meshlens would build →
      </Link>
    </p>
  );
}
