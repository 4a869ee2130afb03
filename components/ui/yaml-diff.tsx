import { structuredPatch } from 'diff';
import type { ReactNode } from 'react';

export interface DiffViewProps {
  readonly before: string;
  readonly after: string;
  readonly beforeLabel: string;
  readonly afterLabel: string;
}

/** A unified line diff of two YAML texts; +/- signs as well as colour, so it reads without colour. */
export function DiffView({ before, after, beforeLabel, afterLabel }: DiffViewProps): ReactNode {
  const patch = structuredPatch(beforeLabel, afterLabel, before, after, '', '', { context: 3 });
  if (patch.hunks.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">No changes.</p>;
  return (
    <pre
      data-testid="yaml-diff"
      className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs leading-5 dark:border-slate-700 dark:bg-slate-950"
    >
      <div className="text-slate-600 dark:text-slate-400">
        --- {beforeLabel}
        {'\n'}+++ {afterLabel}
      </div>
      {patch.hunks.map((hunk) => (
        <div key={`${hunk.oldStart}-${hunk.newStart}`}>
          <div className="text-sky-800 dark:text-sky-300">
            @@ -{hunk.oldStart},{hunk.oldLines} +{hunk.newStart},{hunk.newLines} @@
          </div>
          {hunk.lines
            .filter((l) => !l.startsWith('\\'))
            .map((line, i) => (
              <div
                key={i}
                className={
                  line.startsWith('+')
                    ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'
                    : line.startsWith('-')
                      ? 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200'
                      : 'text-slate-700 dark:text-slate-300'
                }
              >
                {line}
              </div>
            ))}
        </div>
      ))}
    </pre>
  );
}
