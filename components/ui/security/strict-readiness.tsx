import type { ReactNode } from 'react';
import type { PeerMode, StrictReadiness } from '@/lib/api/security';
import { callerText } from './mtls-words';

export interface StrictReadinessViewProps {
  readonly mode: PeerMode;
  readonly readiness: StrictReadiness;
  /** The window the callers were observed in, e.g. "5m". */
  readonly window: string;
  /** Callers listed before "and N more"; the STRICT confirmation always lists them all. */
  readonly limit?: number;
}

/** Who would break if the scope went STRICT, or that nobody would; nothing when it already is. */
export function StrictReadinessView({
  mode,
  readiness,
  window,
  limit = 5,
}: StrictReadinessViewProps): ReactNode {
  if (mode === 'STRICT') return null;
  if (readiness.unknown !== undefined)
    return (
      <p data-testid="strict-readiness" className="text-xs text-amber-900 dark:text-amber-200">
        STRICT readiness unknown: no traffic could be read ({readiness.unknown}).
      </p>
    );
  if (readiness.ready)
    return (
      <p data-testid="strict-readiness" className="text-xs text-emerald-800 dark:text-emerald-300">
        Ready for STRICT: no plaintext caller in the last {window}.
      </p>
    );
  const callers = readiness.plaintextCallers;
  const shown = callers.slice(0, limit);
  return (
    <div data-testid="strict-readiness" className="text-xs">
      <p className="font-medium text-amber-900 dark:text-amber-200">
        Not ready for STRICT: {callers.length} plaintext{' '}
        {callers.length === 1 ? 'caller breaks' : 'callers break'} (last {window})
      </p>
      <ul className="mt-1 flex flex-col gap-0.5 text-slate-700 dark:text-slate-300">
        {shown.map((c) => (
          <li key={`${c.namespace}/${c.source}→${c.target}`} title={c.why}>
            {callerText(c)}
          </li>
        ))}
        {callers.length > shown.length ? (
          <li className="text-slate-500 dark:text-slate-400">
            and {callers.length - shown.length} more
          </li>
        ) : null}
      </ul>
    </div>
  );
}
