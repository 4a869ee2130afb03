import type { ReactNode } from 'react';
import type { PeerMode, PostureSource } from '@/lib/api/security';
import { LockIcon } from '../lock-icon';
import { modeLabel, sourceText } from './mtls-words';

const MODE_STYLE: Readonly<Record<PeerMode, string>> = {
  STRICT:
    'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-300',
  PERMISSIVE: 'bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-300',
  DISABLE: 'bg-red-50 text-red-800 ring-red-600/40 dark:bg-red-950 dark:text-red-300',
  UNSET: 'bg-slate-100 text-slate-700 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-300',
};

export interface MtlsBadgeProps {
  readonly mode: PeerMode;
  readonly source: PostureSource | null;
  /** Cards and panels print where the mode comes from; a table row keeps it in the tooltip. */
  readonly showSource?: boolean;
}

/** The effective PeerAuthentication mode as a word, a lock and a colour, with where it comes from. */
export function MtlsBadge({ mode, source, showSource = false }: MtlsBadgeProps): ReactNode {
  const from = sourceText(source);
  return (
    <span className="inline-flex flex-col gap-0.5">
      <span
        data-testid="mtls-badge"
        title={from}
        className={`inline-flex w-fit items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${MODE_STYLE[mode]}`}
      >
        <LockIcon isOpen={mode !== 'STRICT'} />
        {modeLabel(mode)}
        {showSource ? null : <span className="sr-only">, {from}</span>}
      </span>
      {showSource ? (
        <span className="text-xs text-slate-600 dark:text-slate-400">{from}</span>
      ) : null}
    </span>
  );
}
