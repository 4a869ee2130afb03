import type { ReactNode } from 'react';
import type { IstioObjectDocument } from '@/lib/api/istio';
import type { StrictPolicy } from '@/lib/mesh/security/require-strict';
import { modeLabel, sourceText } from './mtls-words';
import type { StrictTarget } from './strict-target';

export interface StrictPlanProps {
  readonly target: StrictTarget;
  readonly name: string;
  readonly existing: IstioObjectDocument | undefined;
  readonly policy: StrictPolicy;
}

const labels = (selector: Readonly<Record<string, string>>): string =>
  Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** What the write does, in words, before its diff: which object, which scope, what stays as it is. */
export function StrictPlan({ target, name, existing, policy }: StrictPlanProps): ReactNode {
  const { namespace } = target;
  const scope =
    target.workload === undefined
      ? `every workload in ${namespace} that has no PeerAuthentication of its own`
      : `the pods of ${target.workload}${target.selector && !existing ? ` (selector ${labels(target.selector)})` : ''}`;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="strict-plan">
      <p>
        {existing
          ? `Updates PeerAuthentication ${name} in ${namespace} (version ${existing.resourceVersion}) to mode STRICT`
          : `Creates PeerAuthentication ${name} in ${namespace} with mode STRICT`}
        , for {scope}. Now: {modeLabel(target.mode)}, from {sourceText(target.source)}.
      </p>
      {target.workloadOverrides ? (
        <p className="text-slate-700 dark:text-slate-300">
          {target.workloadOverrides}{' '}
          {target.workloadOverrides === 1 ? 'workload keeps its' : 'workloads keep their'} own
          PeerAuthentication mode: a workload policy takes precedence over the namespace&apos;s.
        </p>
      ) : null}
      {policy.relaxedPorts.length > 0 ? (
        <p className="text-slate-700 dark:text-slate-300">
          Port-level modes go, so these ports become STRICT too:{' '}
          {policy.relaxedPorts.map((p) => `${p.port} (${p.mode})`).join(', ')}.
        </p>
      ) : null}
    </div>
  );
}
