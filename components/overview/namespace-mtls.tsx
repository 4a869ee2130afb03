import type { ReactNode } from 'react';
import type { NamespaceSecurity } from '@/lib/api/security';
import type { Window } from '@/lib/mesh/types';
import { MtlsBadge } from '@/components/ui/security/mtls-badge';
import { StrictSection } from '@/components/ui/security/strict-section';
import { namespaceTarget } from '@/components/ui/security/strict-target';

export interface NamespaceMtlsProps {
  readonly security: NamespaceSecurity | undefined;
  readonly error: string | undefined;
  /** The window the plaintext callers were observed over: the overview's. */
  readonly window: Window;
}

/** A card's mTLS part: the effective mode and its source, STRICT readiness, and the STRICT action. */
export function NamespaceMtls({ security, error, window }: NamespaceMtlsProps): ReactNode {
  if (!security)
    return error ? (
      <p className="text-xs text-slate-500 dark:text-slate-400">mTLS status unavailable: {error}</p>
    ) : null;
  return (
    <section
      aria-label={`mTLS in ${security.name}`}
      className="flex flex-col gap-1.5"
      data-testid="namespace-mtls"
    >
      <MtlsBadge mode={security.mode} source={security.modeSource} showSource />
      {security.workloadOverrides > 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {security.workloadOverrides}{' '}
          {security.workloadOverrides === 1 ? 'workload has' : 'workloads have'} another mode of
          {security.workloadOverrides === 1 ? ' its' : ' their'} own
        </p>
      ) : null}
      <StrictSection target={namespaceTarget(security, window)} />
    </section>
  );
}
