'use client';

import type { ReactNode } from 'react';
import { useSecurityQuery } from '@/lib/client/use-security';
import type { MeshNode, Window } from '@/lib/mesh/types';
import { MtlsBadge } from '@/components/ui/security/mtls-badge';
import { modeLabel, sourceText } from '@/components/ui/security/mtls-words';
import { StrictSection } from '@/components/ui/security/strict-section';
import { workloadSelector, workloadTarget } from '@/components/ui/security/strict-target';

/** The workload a node stands for: a workload node itself, or the one a versioned app node names. */
export function nodeWorkload(node: MeshNode): string | undefined {
  if (node.isBox || node.namespace === 'unknown') return undefined;
  return node.kind === 'workload' ? (node.workload ?? node.name) : node.workload;
}

const TERM = 'text-xs text-slate-500 dark:text-slate-400';

/** The node panel's Security section: the workload's mode and its sources, clients, readiness. */
export function WorkloadSecurity({
  node,
  workload,
  window,
}: {
  node: MeshNode;
  workload: string;
  window: Window;
}): ReactNode {
  const { data, error } = useSecurityQuery([node.namespace], window);
  const security = data?.workloads.find(
    (w) => w.namespace === node.namespace && w.name === workload,
  );
  const selector = security && workloadSelector(security.podLabels, node.app, node.version);
  return (
    <section aria-labelledby="workload-security-title" className="flex flex-col gap-2 text-sm">
      <h3 id="workload-security-title" className="font-semibold">
        Security
      </h3>
      {error ? <p className={TERM}>mTLS posture unavailable: {error.detail}</p> : null}
      {data && !security ? (
        <p className={TERM}>No mTLS posture for {workload} in the answer.</p>
      ) : null}
      {security ? (
        <>
          <MtlsBadge mode={security.mode} source={security.modeSource} showSource />
          {security.portModes.length > 0 ? (
            <div>
              <p className={TERM}>Port overrides</p>
              <ul className="text-xs">
                {security.portModes.map((p) => (
                  <li key={p.port}>
                    {p.port}: {modeLabel(p.mode)} ({sourceText(p.source)})
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div>
            <p className={TERM}>Its clients send</p>
            <p className="text-xs">
              {security.clientTls.mode === 'AUTO'
                ? 'auto mTLS: mTLS from sidecars, plaintext from callers without one'
                : security.clientTls.mode}
              {security.clientTls.source ? ` (${sourceText(security.clientTls.source)})` : ''}
            </p>
          </div>
          {!security.hasSidecar ? (
            <p className="text-xs text-amber-800 dark:text-amber-300">
              No sidecar: the workload neither enforces nor sends mTLS.
            </p>
          ) : null}
          <StrictSection target={workloadTarget(security, selector, window)} />
        </>
      ) : null}
    </section>
  );
}
