import type { ReactNode } from 'react';
import type { PlaintextCaller } from '@/lib/api/security';
import { callerText } from './mtls-words';

export interface BreakingCallersProps {
  readonly callers: readonly PlaintextCaller[];
  readonly window: string;
  /** Why the callers could not be observed: then the box accepts breaking callers nobody saw. */
  readonly unknown?: string;
  readonly confirmed: boolean;
  readonly onConfirm: (confirmed: boolean) => void;
}

const FRAME =
  'rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100';

/** Every caller STRICT would refuse, and the box that accepts breaking them: no write without it. */
export function BreakingCallers({
  callers,
  window,
  unknown,
  confirmed,
  onConfirm,
}: BreakingCallersProps): ReactNode {
  const box = (label: string): ReactNode => (
    <label className="flex items-start gap-2 font-medium">
      <input
        type="checkbox"
        className="mt-1 accent-amber-700"
        checked={confirmed}
        onChange={(e) => onConfirm(e.target.checked)}
      />
      {label}
    </label>
  );
  if (unknown !== undefined)
    return (
      <fieldset className={FRAME}>
        <legend className="px-1 font-medium">
          Who sends plaintext is unknown: no traffic could be read
        </legend>
        <p className="my-2">{unknown}</p>
        {box('I accept that callers Meshlens could not see may break')}
      </fieldset>
    );
  return (
    <fieldset className={FRAME}>
      <legend className="px-1 font-medium">
        {callers.length} {callers.length === 1 ? 'caller' : 'callers'} sent plaintext in the last{' '}
        {window}: STRICT refuses {callers.length === 1 ? 'it' : 'them'}
      </legend>
      <ul className="my-2 list-disc pl-5" data-testid="breaking-callers">
        {callers.map((c) => (
          <li key={`${c.namespace}/${c.source}→${c.target}`}>
            {callerText(c)}
            <span className="block text-xs text-amber-800 dark:text-amber-300">{c.why}</span>
          </li>
        ))}
      </ul>
      {box(
        `I accept that ${callers.length === 1 ? 'this caller breaks' : `these ${callers.length} callers break`}`,
      )}
    </fieldset>
  );
}
