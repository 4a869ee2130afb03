import type { ReactNode } from 'react';
import type { Severity, Validation } from '@/lib/mesh/validations/types';

type Status = Severity | 'valid';

const STYLE: Readonly<Record<Status, { icon: string; label: string; className: string }>> = {
  error: {
    icon: '✕',
    label: 'error',
    className: 'bg-red-50 text-red-800 ring-red-600/40 dark:bg-red-950 dark:text-red-200',
  },
  warning: {
    icon: '!',
    label: 'warning',
    className: 'bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950 dark:text-amber-200',
  },
  info: {
    icon: 'i',
    label: 'info',
    className: 'bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200',
  },
  valid: {
    icon: '✓',
    label: 'Valid',
    className:
      'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200',
  },
};

/** The worst severity among the findings, or 'valid' when there are none. */
export function statusOf(validations: readonly Validation[]): Status {
  for (const s of ['error', 'warning', 'info'] as const)
    if (validations.some((v) => v.severity === s)) return s;
  return 'valid';
}

/** Icon, word and count: never colour alone. */
export function StatusBadge({ validations }: { validations: readonly Validation[] }): ReactNode {
  const status = statusOf(validations);
  const style = STYLE[status];
  const count = validations.filter((v) => v.severity === status).length;
  const text =
    status === 'valid' ? style.label : `${count} ${style.label}${count === 1 ? '' : 's'}`;
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${style.className}`}
    >
      <span aria-hidden className="font-bold">
        {style.icon}
      </span>
      {text}
    </span>
  );
}

/** The badge and the first finding beside it: a table cell's worth. */
export function ValidationSummary({
  validations,
}: {
  validations: readonly Validation[];
}): ReactNode {
  const first = validations[0];
  return (
    <div className="flex items-start gap-2">
      <StatusBadge validations={validations} />
      {first && (
        <span className="line-clamp-2 text-slate-700 dark:text-slate-300">
          <code className="mr-1 text-xs">{first.code}</code>
          {first.message}
        </span>
      )}
    </div>
  );
}

/** One finding as a line: badge-like code, message, and where. */
export function ValidationLine({
  validation,
  line,
}: {
  validation: Validation;
  line?: number;
}): ReactNode {
  const style = STYLE[validation.severity];
  return (
    <li className="flex gap-2 text-sm">
      <span
        className={`mt-0.5 inline-flex h-fit items-center gap-1 rounded px-1.5 text-xs font-semibold ring-1 ring-inset ${style.className}`}
      >
        <span aria-hidden>{style.icon}</span>
        {validation.code}
      </span>
      <span>
        <span className="sr-only">{validation.severity}: </span>
        {validation.message}
        {(line !== undefined || validation.path) && (
          <span className="ml-1 text-slate-600 dark:text-slate-400">
            ({line !== undefined ? `line ${line}` : ''}
            {line !== undefined && validation.path ? ', ' : ''}
            {validation.path && <code className="text-xs">{validation.path}</code>})
          </span>
        )}
      </span>
    </li>
  );
}
