import type { ReactNode } from 'react';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import { ValidationLine } from '@/components/ui/validation-status';

/** Every finding of the text, errors first, with its line: the same ones the editor marks inline. */
export function ValidationList({
  validations,
  title = 'Validation',
}: {
  validations: readonly LocatedValidation[];
  title?: string;
}): ReactNode {
  return (
    <section aria-label={title} data-testid="validation-list">
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      {validations.length === 0 ? (
        <p className="text-sm text-emerald-800 dark:text-emerald-300">
          <span aria-hidden>✓ </span>No problems found by the schema or the semantic checks.
        </p>
      ) : (
        <ul className="flex flex-col gap-1.5">
          {validations.map((v, i) => (
            <ValidationLine
              key={i}
              validation={v}
              {...(v.line !== undefined && { line: v.line })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
