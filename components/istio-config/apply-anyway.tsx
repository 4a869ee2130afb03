'use client';

import { useId, type ReactNode } from 'react';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import { ValidationLine } from '@/components/ui/validation-status';

export interface ApplyAnywayProps {
  /** The analyzer errors the server refused the write for. */
  readonly errors: readonly LocatedValidation[];
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

/**
 * Shown only after the server refused a write for analyzer errors (a subset nobody defines…): names
 * them and lets the person confirm, explicitly, that the object is meant to be like this. The server
 * records the override in its audit line.
 */
export function ApplyAnyway({ errors, checked, onChange }: ApplyAnywayProps): ReactNode {
  const id = useId();
  const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
  return (
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
    >
      <p id={`${id}-title`} role="alert" className="mb-2 font-semibold">
        Not applied: the analyzers report {count}
      </p>
      <ul className="mb-2 flex flex-col gap-1">
        {errors.map((v, i) => (
          <ValidationLine key={`${v.code}-${i}`} validation={v} {...(v.line && { line: v.line })} />
        ))}
      </ul>
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        Apply anyway, despite {errors.length === 1 ? 'this error' : 'these errors'}
      </label>
    </div>
  );
}
