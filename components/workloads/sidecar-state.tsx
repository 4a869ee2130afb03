import type { ReactNode } from 'react';

function ShieldIcon(): ReactNode {
  return (
    <svg aria-hidden width="14" height="14" viewBox="0 0 16 16" className="shrink-0">
      <path d="M8 1.5 2.5 3.5v4c0 3.4 2.3 6 5.5 7 3.2-1 5.5-3.6 5.5-7v-4z" fill="currentColor" />
      <path d="m5.3 8 1.9 1.9 3.5-3.6" fill="none" stroke="white" strokeWidth="1.6" />
    </svg>
  );
}

function WarningIcon(): ReactNode {
  return (
    <svg aria-hidden width="14" height="14" viewBox="0 0 16 16" className="shrink-0">
      <path d="M8 1.5 15 14H1z" fill="currentColor" />
      <path d="M8 6v3.6M8 11.4v.1" stroke="white" strokeWidth="1.7" strokeLinecap="round" />
    </svg>
  );
}

function DashIcon(): ReactNode {
  return (
    <svg aria-hidden width="14" height="14" viewBox="0 0 16 16" className="shrink-0">
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M5 8h6" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

export interface SidecarStateProps {
  readonly hasSidecar: boolean;
  readonly namespaceInjects: boolean;
}

/**
 * Whether Istio's proxy runs beside the workload, as an icon and words. A missing sidecar where the
 * namespace injects one is a gap in the mesh (plaintext, no metrics from its side) and is called
 * out; in a namespace Istio leaves alone (istiod's own) its absence is by design.
 */
export function SidecarState({ hasSidecar, namespaceInjects }: SidecarStateProps): ReactNode {
  if (hasSidecar) {
    return (
      <span className="inline-flex items-center gap-1.5 text-slate-700 dark:text-slate-300">
        <span className="text-emerald-600 dark:text-emerald-400">
          <ShieldIcon />
        </span>
        Injected
      </span>
    );
  }
  if (!namespaceInjects) {
    return (
      <span className="inline-flex flex-col items-start gap-0.5 text-slate-700 dark:text-slate-300">
        <span className="inline-flex items-center gap-1.5">
          <span className="text-slate-500 dark:text-slate-400">
            <DashIcon />
          </span>
          Not in the mesh
        </span>
        <span className="text-xs text-slate-600 dark:text-slate-400">Namespace not injected</span>
      </span>
    );
  }
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <span className="inline-flex items-center gap-1.5 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-600/40 ring-inset dark:bg-amber-950 dark:text-amber-200">
        <span className="text-amber-600 dark:text-amber-400">
          <WarningIcon />
        </span>
        No sidecar
      </span>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        Plaintext, no metrics from its side
      </span>
    </span>
  );
}
