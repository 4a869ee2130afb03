import type { ReactNode } from 'react';
import type { WorkloadSecurity } from '@/lib/api/security';
import { MtlsBadge } from '@/components/ui/security/mtls-badge';
import { sourceText } from '@/components/ui/security/mtls-words';

/** Server side (the mode the workload enforces) and, below it, what its clients send it. */
export function MtlsCell({ security }: { security: WorkloadSecurity | undefined }): ReactNode {
  if (!security) return <span title="mTLS posture not loaded">—</span>;
  const client = security.clientTls;
  const clientSource = client.source ? sourceText(client.source) : 'auto mTLS decides';
  const ports = security.portModes.map((p) => `${p.port}: ${p.mode}`).join(', ');
  return (
    <span className="flex flex-col gap-0.5">
      <MtlsBadge mode={security.mode} source={security.modeSource} />
      {ports ? (
        <span className="text-xs text-slate-600 dark:text-slate-400">ports {ports}</span>
      ) : null}
      <span className="text-xs text-slate-600 dark:text-slate-400" title={clientSource}>
        clients send {client.mode === 'AUTO' ? 'auto mTLS' : client.mode}
        <span className="sr-only"> ({clientSource})</span>
      </span>
    </span>
  );
}
