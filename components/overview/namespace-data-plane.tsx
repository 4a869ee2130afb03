import type { ReactNode } from 'react';
import type { CaptureWarning, NamespaceDataPlane } from '@/lib/api/workloads';
import { dataPlaneLabel, waypointName } from '@/lib/mesh/ambient/describe';
import type { DataPlaneMode } from '@/lib/mesh/types';

const BADGE: Readonly<Record<DataPlaneMode | 'mixed', string>> = {
  sidecar:
    'bg-emerald-50 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200',
  ambient:
    'bg-violet-50 text-violet-900 ring-violet-600/30 dark:bg-violet-950 dark:text-violet-200',
  none: 'bg-slate-100 text-slate-800 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-200',
  mixed: 'bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200',
};

const MODES: readonly DataPlaneMode[] = ['sidecar', 'ambient', 'none'];
const SHOWN = 3;

export interface NamespaceDataPlaneProps {
  readonly namespace: string;
  readonly dataPlane: NamespaceDataPlane;
  readonly warnings: readonly CaptureWarning[];
}

/** How the namespace's traffic is captured, with its waypoint, and what escapes capture. */
export function NamespaceDataPlaneSection({
  namespace,
  dataPlane,
  warnings,
}: NamespaceDataPlaneProps): ReactNode {
  const counts = MODES.filter((m) => dataPlane.workloads[m] > 0)
    .map((m) => `${dataPlane.workloads[m]} ${m}`)
    .join(' · ');
  return (
    <section aria-label={`Data plane in ${namespace}`} className="flex flex-col gap-1 text-xs">
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-slate-500 dark:text-slate-400">Data plane</span>
        <span
          data-testid="data-plane-badge"
          className={`rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${BADGE[dataPlane.mode]}`}
        >
          {dataPlaneLabel(dataPlane.mode, dataPlane.waypoint)}
        </span>
        {dataPlane.waypoint ? (
          <span className="text-slate-700 dark:text-slate-300">
            waypoint {waypointName(dataPlane.waypoint, namespace)}
          </span>
        ) : null}
        {dataPlane.mode === 'mixed' ? (
          <span className="text-slate-700 dark:text-slate-300">{counts}</span>
        ) : null}
      </p>
      {warnings.length > 0 ? (
        <ul aria-label={`Capture warnings in ${namespace}`} className="flex flex-col gap-1">
          {warnings.slice(0, SHOWN).map((w) => (
            <li key={w.message} className="text-amber-800 dark:text-amber-300">
              {w.message}
            </li>
          ))}
          {warnings.length > SHOWN ? (
            <li className="text-slate-500 dark:text-slate-400">
              and {warnings.length - SHOWN} more on the Workloads page
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
