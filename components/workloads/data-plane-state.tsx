import type { ReactNode } from 'react';
import type { CaptureWarning, CaptureWarningCode, DataPlane } from '@/lib/api/workloads';
import { waypointName } from '@/lib/mesh/ambient/describe';

function ShieldIcon(): ReactNode {
  return (
    <svg aria-hidden width="14" height="14" viewBox="0 0 16 16" className="shrink-0">
      <path d="M8 1.5 2.5 3.5v4c0 3.4 2.3 6 5.5 7 3.2-1 5.5-3.6 5.5-7v-4z" fill="currentColor" />
      <path d="m5.3 8 1.9 1.9 3.5-3.6" fill="none" stroke="white" strokeWidth="1.6" />
    </svg>
  );
}

function MeshIcon(): ReactNode {
  return (
    <svg aria-hidden width="14" height="14" viewBox="0 0 16 16" className="shrink-0">
      <circle cx="4" cy="4" r="2.2" fill="currentColor" />
      <circle cx="12" cy="4" r="2.2" fill="currentColor" />
      <circle cx="8" cy="12" r="2.2" fill="currentColor" />
      <path d="M4 4h8L8 12z" fill="none" stroke="currentColor" strokeWidth="1.3" />
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

const NOTE = 'text-xs text-slate-600 dark:text-slate-400';
const PLAIN = 'inline-flex items-center gap-1.5 text-slate-700 dark:text-slate-300';
const WARNING_BADGE =
  'inline-flex items-center gap-1.5 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-600/40 ring-inset dark:bg-amber-950 dark:text-amber-200';

/** The few words a table cell has room for; the full sentence is on the workload's page. */
const SHORT: Readonly<Record<CaptureWarningCode, string>> = {
  'not-captured': 'Not captured',
  'waypoint-missing': 'Its waypoint does not exist',
  'sidecar-missing': 'Some pods without sidecar',
  'sidecar-over-ambient': 'Also labelled ambient: sidecar wins',
};

function Warned({ title, note }: { title: string; note: string }): ReactNode {
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <span className={WARNING_BADGE}>
        <span className="text-amber-600 dark:text-amber-400">
          <WarningIcon />
        </span>
        {title}
      </span>
      <span className={NOTE}>{note}</span>
    </span>
  );
}

function Mode({ icon, title, note }: { icon: ReactNode; title: string; note: string }): ReactNode {
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <span className={PLAIN}>
        {icon}
        {title}
      </span>
      <span className={NOTE}>{note}</span>
    </span>
  );
}

function ModeOf({
  dataPlane,
  namespace,
  namespaceInjects,
  warnings,
}: Required<DataPlaneStateProps>): ReactNode {
  if (dataPlane.proxy) {
    return (
      <Mode
        icon={<DashIcon />}
        title={dataPlane.proxy === 'waypoint' ? 'Waypoint proxy' : 'Gateway proxy'}
        note="Istio's own Envoy"
      />
    );
  }
  switch (dataPlane.mode) {
    case 'sidecar':
      return (
        <Mode
          icon={
            <span className="text-emerald-600 dark:text-emerald-400">
              <ShieldIcon />
            </span>
          }
          title="Sidecar"
          note="Injected"
        />
      );
    case 'ambient':
      return (
        <Mode
          icon={
            <span className="text-violet-600 dark:text-violet-400">
              <MeshIcon />
            </span>
          }
          title={dataPlane.waypoint ? 'Ambient + waypoint' : 'Ambient'}
          note={
            dataPlane.waypoint
              ? `L7 via ${waypointName(dataPlane.waypoint, namespace)}`
              : 'L4 only (ztunnel), no waypoint'
          }
        />
      );
    case 'none':
      if (warnings.some((w) => w.code === 'not-captured'))
        return <Warned title="Not captured" note="Opted out of its ambient namespace" />;
      if (namespaceInjects)
        return <Warned title="No sidecar" note="Plaintext, no metrics from its side" />;
      return (
        <Mode
          icon={
            <span className="text-slate-500 dark:text-slate-400">
              <DashIcon />
            </span>
          }
          title="Not in the mesh"
          note="Namespace neither injected nor ambient"
        />
      );
  }
}

export interface DataPlaneStateProps {
  readonly dataPlane: DataPlane;
  /** The workload's namespace: a waypoint from another one is named with its namespace. */
  readonly namespace: string;
  readonly namespaceInjects: boolean;
  readonly warnings?: readonly CaptureWarning[];
}

/**
 * How Istio captures the workload's traffic, as an icon and words: its own sidecar, ztunnel (ambient)
 * with the waypoint serving its L7 traffic, or nothing. A gap where the namespace means to capture it
 * (injected, or ambient) is called out; a namespace Istio leaves alone (istiod's own) is by design.
 */
export function DataPlaneState({ warnings = [], ...props }: DataPlaneStateProps): ReactNode {
  // The badge already says what a workload outside the mesh misses.
  const also = warnings.filter(
    (w) =>
      w.code !== 'not-captured' &&
      !(w.code === 'sidecar-missing' && props.dataPlane.mode === 'none'),
  );
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <ModeOf warnings={warnings} {...props} />
      {also.map((w) => (
        <span key={w.message} className="text-xs font-medium text-amber-800 dark:text-amber-300">
          {SHORT[w.code]}
        </span>
      ))}
    </span>
  );
}
