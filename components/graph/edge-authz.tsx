'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { authorizationPolicyHref } from '@/components/ui/authz-links';
import { VerdictBadge } from '@/components/ui/authz-verdict';
import { formatRps } from '@/components/ui/format';
import type { EdgeVerdict } from '@/lib/api/security';

const LINK = 'font-medium text-sky-700 underline dark:text-sky-400';

/** How to read the edge's 403s: the inference, always said to be one. */
function Forbidden({ verdict }: { verdict: EdgeVerdict }): ReactNode {
  if (verdict.forbiddenRps <= 0) return null;
  const rate = `${formatRps(verdict.forbiddenRps)} req/s answered 403`;
  const by =
    verdict.forbiddenBy ??
    (verdict.verdict === 'deny'
      ? 'policy'
      : verdict.verdict === 'allow'
        ? 'application'
        : undefined);
  if (by === 'policy')
    return (
      <p>
        {rate}: denials by{' '}
        {verdict.decidedBy
          ? `${verdict.decidedBy.namespace}/${verdict.decidedBy.name}`
          : 'the policies'}
        . <em>Inferred</em>: Istio&apos;s metrics do not tell a policy&apos;s 403 from the
        application&apos;s.
      </p>
    );
  if (by === 'application')
    return (
      <p>
        {rate}, though the policies allow this edge: those 403s come from the application, not from
        an AuthorizationPolicy.
      </p>
    );
  return (
    <p>
      {rate}: the metrics do not tell which of them the policy denied and which the application
      refused.
    </p>
  );
}

function OneVerdict({ verdict }: { verdict: EdgeVerdict }): ReactNode {
  return (
    <div className="flex flex-col gap-1.5" data-testid="edge-verdict">
      <p className="flex flex-wrap items-center gap-2">
        <VerdictBadge verdict={verdict.verdict} />
        <span className="font-mono text-xs break-all">{verdict.principal}</span>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {formatRps(verdict.rps)} req/s
        </span>
      </p>
      <p>{verdict.explanation}</p>
      {verdict.decidedBy && (
        <p>
          Decided by {verdict.decidedBy.action} policy{' '}
          <Link
            className={LINK}
            href={authorizationPolicyHref(verdict.decidedBy.namespace, verdict.decidedBy.name)}
          >
            {verdict.decidedBy.namespace}/{verdict.decidedBy.name}
          </Link>
        </p>
      )}
      {verdict.dependsOn && verdict.dependsOn.length > 0 && (
        <p>
          Depends on {verdict.dependsOn.join(', ')}: request attributes the metrics do not carry, so
          some of these requests may be allowed and others denied.
        </p>
      )}
      <Forbidden verdict={verdict} />
    </div>
  );
}

/** The edge panel's authorization section: each caller principal's verdict and how to read its 403s. */
export function EdgeAuthorization({ verdicts }: { verdicts: readonly EdgeVerdict[] }): ReactNode {
  return (
    <section aria-labelledby="edge-authz-title" className="flex flex-col gap-2 text-sm">
      <h3 id="edge-authz-title" className="text-sm font-semibold">
        Authorization
      </h3>
      {verdicts.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">
          No verdict for this edge: the policies are evaluated on workload-to-workload traffic as
          the destination reported it.
        </p>
      ) : (
        verdicts.map((v) => <OneVerdict key={v.principal} verdict={v} />)
      )}
    </section>
  );
}
