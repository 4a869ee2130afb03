import type { ReactNode } from 'react';
import type { AuthzVerdict } from '@/lib/api/security';

const STYLES: Readonly<Record<AuthzVerdict, { label: string; className: string }>> = {
  allow: {
    label: 'Allowed',
    className:
      'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-300',
  },
  deny: {
    label: 'Denied',
    className: 'bg-red-50 text-red-800 ring-red-600/40 dark:bg-red-950 dark:text-red-300',
  },
  depends: {
    label: 'Depends on the request',
    className: 'bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-300',
  },
};

/** An authorization verdict as a word and a colour, never colour alone. */
export function VerdictBadge({ verdict }: { verdict: AuthzVerdict }): ReactNode {
  const style = STYLES[verdict];
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${style.className}`}
    >
      {style.label}
    </span>
  );
}
