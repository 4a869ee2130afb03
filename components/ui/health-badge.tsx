import type { ReactNode } from 'react';
import type { Health } from '@/lib/mesh/types';

const STYLES: Readonly<Record<Health, { label: string; className: string; dot: string }>> = {
  healthy: {
    label: 'Healthy',
    className:
      'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-300',
    dot: 'bg-emerald-500',
  },
  degraded: {
    label: 'Degraded',
    className: 'bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-300',
    dot: 'bg-amber-500',
  },
  failing: {
    label: 'Failing',
    className: 'bg-red-50 text-red-800 ring-red-600/40 dark:bg-red-950 dark:text-red-300',
    dot: 'bg-red-500',
  },
  idle: {
    label: 'Idle',
    className:
      'bg-slate-100 text-slate-700 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-300',
    dot: 'bg-slate-400',
  },
  unknown: {
    label: 'Unknown',
    className:
      'bg-slate-100 text-slate-700 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-300',
    dot: 'bg-slate-400 ring-1 ring-slate-500',
  },
};

/** Health as a word and a colour, never colour alone. */
export function HealthBadge({ health }: { health: Health }): ReactNode {
  const style = STYLES[health];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}
    >
      <span aria-hidden className={`size-2 rounded-full ${style.dot}`} />
      {style.label}
    </span>
  );
}
