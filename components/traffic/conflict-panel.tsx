import type { ReactNode } from 'react';
import type { DiffLine } from '@/lib/mesh/traffic/split-types';
import type { Weights } from '@/lib/mesh/traffic/weights';
import { DiffView } from './diff-view';

export interface ConflictPanelProps {
  readonly title: string;
  readonly detail: string;
  readonly subsets: readonly string[];
  /** Weights when the draft started, now on the server, and in the draft. */
  readonly base: Weights;
  readonly theirs: Weights | undefined;
  readonly yours: Weights;
  readonly diff?: readonly DiffLine[] | undefined;
  readonly busy: boolean;
  readonly onReapply: () => void;
  readonly onDiscard: () => void;
}

/** Someone changed the VirtualService since the draft began: what they did, what re-applying would do. */
export function ConflictPanel(props: ConflictPanelProps): ReactNode {
  const { subsets, base, theirs, yours } = props;
  return (
    <section
      role="alert"
      aria-label="Changed meanwhile"
      data-testid="conflict"
      className="flex flex-col gap-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <p className="font-semibold">{props.title}</p>
      <p>{props.detail}</p>
      <table className="w-max text-xs tabular-nums">
        <thead>
          <tr>
            <th scope="col" className="pr-4 text-left font-medium">
              Subset
            </th>
            <th scope="col" className="pr-4 text-right font-medium">
              When you started
            </th>
            <th scope="col" className="pr-4 text-right font-medium">
              Theirs (now)
            </th>
            <th scope="col" className="text-right font-medium">
              Yours
            </th>
          </tr>
        </thead>
        <tbody>
          {subsets.map((s) => (
            <tr key={s}>
              <th scope="row" className="pr-4 text-left font-medium">
                {s}
              </th>
              <td className="pr-4 text-right">{base[s] ?? 0}%</td>
              <td
                className={`pr-4 text-right ${theirs && theirs[s] !== base[s] ? 'font-semibold' : ''}`}
              >
                {theirs ? `${theirs[s] ?? 0}%` : '?'}
              </td>
              <td className="text-right">{yours[s] ?? 0}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.diff ? (
        <div className="flex flex-col gap-1">
          <p className="text-xs">Re-applying would change the latest version like this:</p>
          <DiffView lines={props.diff} label="Theirs versus yours" />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={props.busy}
          onClick={props.onReapply}
          className="rounded-md bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-800 focus-visible:ring-2 focus-visible:ring-amber-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-60 dark:bg-amber-500 dark:text-amber-950 dark:hover:bg-amber-400"
        >
          Re-apply on the latest version
        </button>
        <button
          type="button"
          onClick={props.onDiscard}
          className="rounded-md border border-amber-700 px-3 py-1.5 text-sm font-medium hover:bg-amber-100 focus-visible:ring-2 focus-visible:ring-amber-500 focus-visible:outline-none dark:border-amber-400 dark:hover:bg-amber-900"
        >
          Discard my draft
        </button>
      </div>
    </section>
  );
}
