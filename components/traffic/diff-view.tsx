import type { ReactNode } from 'react';
import type { DiffLine } from '@/lib/mesh/traffic/split-types';

const STYLE: Readonly<Record<DiffLine['kind'], { sign: string; className: string }>> = {
  hunk: { sign: ' ', className: 'text-sky-800 bg-sky-50 dark:text-sky-300 dark:bg-sky-950/60' },
  context: { sign: ' ', className: 'text-slate-700 dark:text-slate-300' },
  add: {
    sign: '+',
    className: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  },
  remove: { sign: '-', className: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200' },
};

export interface DiffViewProps {
  readonly lines: readonly DiffLine[];
  readonly label: string;
}

/** A unified YAML diff; the +/- sign is kept so the change reads without colour too. */
export function DiffView({ lines, label }: DiffViewProps): ReactNode {
  if (lines.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">No change.</p>;
  return (
    <pre
      aria-label={label}
      data-testid="yaml-diff"
      className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-white py-1 font-mono text-xs leading-5 dark:border-slate-700 dark:bg-slate-900"
    >
      {lines.map((line, i) => (
        <div
          key={i}
          data-kind={line.kind}
          className={`px-2 whitespace-pre ${STYLE[line.kind].className}`}
        >
          <span aria-hidden className="mr-2 opacity-70 select-none">
            {STYLE[line.kind].sign}
          </span>
          {line.text}
        </div>
      ))}
    </pre>
  );
}
