'use client';

import type { ReactNode } from 'react';
import type { AuthzVerdict } from '@/lib/api/security';
import type { ApiProblem } from '@/lib/client/api-fetch';
import type { GraphType } from '@/lib/mesh/types';
import { CONTROL } from './graph-toolbar';

export interface AuthzStatusProps {
  readonly type: GraphType;
  readonly marks: ReadonlyMap<string, AuthzVerdict>;
  readonly isPending: boolean;
  readonly error: ApiProblem | null;
  readonly onUseWorkloadGraph: () => void;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * One line under the toolbar while the authorization overlay is on: what it marks, why it marks
 * nothing, or that it needs the workload graph (the verdicts are on workload-to-workload edges, and
 * an app or service edge can mix workloads with different verdicts).
 */
export function AuthzStatus(props: AuthzStatusProps): ReactNode {
  const { type, marks, isPending, error } = props;
  let text: ReactNode;
  if (type !== 'workload') {
    text = (
      <>
        The authorization overlay marks the workload graph&apos;s edges: policies decide per
        workload, and an edge of this graph can join workloads they treat differently.{' '}
        <button
          type="button"
          className={`${CONTROL} font-medium`}
          onClick={props.onUseWorkloadGraph}
        >
          Switch to the workload graph
        </button>
      </>
    );
  } else if (error) {
    text = (
      <span className="text-red-800 dark:text-red-300">Authorization overlay: {error.detail}</span>
    );
  } else if (isPending) {
    text = 'Evaluating the AuthorizationPolicies against the observed traffic…';
  } else {
    const verdicts = [...marks.values()];
    const denied = verdicts.filter((v) => v === 'deny').length;
    const depends = verdicts.filter((v) => v === 'depends').length;
    text =
      denied + depends === 0
        ? `Authorization: the policies allow all ${count(verdicts.length, 'evaluated edge', 'evaluated edges')}.`
        : `Authorization: ${count(denied, 'edge', 'edges')} denied, ${count(depends, 'edge depends', 'edges depend')} on request attributes the metrics do not carry, of ${count(verdicts.length, 'evaluated edge', 'evaluated edges')}.`;
  }
  return (
    <p
      role="status"
      data-testid="authz-status"
      className="text-xs text-slate-700 dark:text-slate-300"
    >
      {text}
    </p>
  );
}
