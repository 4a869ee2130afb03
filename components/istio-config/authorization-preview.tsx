'use client';

import type { ReactNode } from 'react';
import { VerdictBadge } from '@/components/ui/authz-verdict';
import { formatRps } from '@/components/ui/format';
import { ErrorText } from '@/components/ui/problem-alert';
import type { AuthorizationChange, AuthzVerdict } from '@/lib/api/security';
import { useAuthorizationPreview } from '@/lib/client/use-authorization-preview';

export interface AuthorizationPreviewProps {
  /** The policy as it would be written: the editor's text or a form's output. */
  readonly yaml: string;
  /**
   * False while an existing policy is unedited: the live text changes no verdict, so nothing is sent
   * and the panel says what it will show.
   */
  readonly changed?: boolean;
}

const GROUPS: readonly { after: AuthzVerdict; title: string }[] = [
  { after: 'deny', title: 'Would start denying' },
  { after: 'allow', title: 'Would start allowing' },
  { after: 'depends', title: 'Would depend on request attributes' },
];

const place = (workload: string, namespace: string): string =>
  namespace === 'unknown' ? workload : `${workload}.${namespace}`;

function ChangeRow({ change }: { change: AuthorizationChange }): ReactNode {
  return (
    <tr className="border-t border-slate-200 dark:border-slate-700">
      <td className="py-1 pr-2 font-mono text-xs break-all">
        {place(change.source, change.sourceNamespace)} →{' '}
        {place(change.target, change.targetNamespace)}
      </td>
      <td className="py-1 pr-2 text-right text-xs whitespace-nowrap tabular-nums">
        {formatRps(change.rps)} req/s
      </td>
      <td className="py-1 text-xs">
        <span className="inline-flex flex-wrap items-center gap-1">
          <VerdictBadge verdict={change.before} />
          <span aria-label="becomes">→</span>
          <VerdictBadge verdict={change.after} />
        </span>
        {change.dependsOn && change.dependsOn.length > 0 && (
          <span className="mt-0.5 block text-slate-600 dark:text-slate-400">
            on {change.dependsOn.join(', ')}, which the metrics do not carry
          </span>
        )}
      </td>
    </tr>
  );
}

function ChangeGroup({
  title,
  changes,
}: {
  title: string;
  changes: readonly AuthorizationChange[];
}): ReactNode {
  const total = changes.reduce((sum, c) => sum + c.rps, 0);
  return (
    <section aria-label={title} className="mb-3">
      <h3 className="text-sm font-medium">
        {title}: {changes.length} {changes.length === 1 ? 'edge' : 'edges'}, {formatRps(total)}{' '}
        req/s
      </h3>
      <table className="w-full">
        <thead className="sr-only">
          <tr>
            <th scope="col">Caller → workload</th>
            <th scope="col">Observed rate</th>
            <th scope="col">Verdict now → after the change</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <ChangeRow
              key={`${c.sourceNamespace}/${c.source}>${c.targetNamespace}/${c.target}`}
              change={c}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * "Traffic this change affects": the observed edges a policy text would start denying or allowing,
 * asked of the server a moment after the text stops changing, before anything is dry-run or written.
 */
export function AuthorizationPreview({
  yaml,
  changed = true,
}: AuthorizationPreviewProps): ReactNode {
  const { query, isSettling } = useAuthorizationPreview(yaml, { enabled: changed });
  let body: ReactNode;
  if (!changed) {
    body = (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Edit the policy to see which observed traffic it would start denying or allowing.
      </p>
    );
  } else if (query.error) {
    body = <ErrorText small>Could not preview the change: {query.error.detail}</ErrorText>;
  } else if (!query.data) {
    body = <p className="text-sm text-slate-600 dark:text-slate-400">Checking observed traffic…</p>;
  } else if (query.data.changes.length === 0) {
    body = (
      <p className="text-sm text-emerald-800 dark:text-emerald-300">
        <span aria-hidden>✓ </span>No observed traffic changes verdict
        {query.data.unchanged > 0
          ? `: the ${query.data.unchanged} observed ${query.data.unchanged === 1 ? 'edge' : 'edges'} into the policy's workloads keep theirs.`
          : '; no traffic into the policy’s workloads was observed in the window.'}
      </p>
    );
  } else {
    const { changes, unchanged } = query.data;
    body = (
      <>
        {GROUPS.map(({ after, title }) => {
          const group = changes.filter((c) => c.after === after);
          return group.length > 0 ? (
            <ChangeGroup key={after} title={title} changes={group} />
          ) : null;
        })}
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {unchanged} other observed {unchanged === 1 ? 'edge keeps its' : 'edges keep their'}{' '}
          verdict. From the metrics of the window: callers that were silent are not listed.
        </p>
      </>
    );
  }
  return (
    <section aria-labelledby="authz-preview-title" aria-busy={changed && isSettling}>
      <h2 id="authz-preview-title" className="mb-2 text-sm font-semibold">
        Traffic this change affects
      </h2>
      {changed && isSettling && query.data && (
        <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">
          Updating for your last change…
        </p>
      )}
      {body}
    </section>
  );
}
