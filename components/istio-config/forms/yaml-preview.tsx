'use client';

import type { ReactNode } from 'react';
import { DiffView } from '../diff-view';
import { ValidationList } from '../validation-list';
import { PANEL } from '../styles';
import { useLiveValidation } from './use-live-validation';

/** The YAML a form will write, exactly, with what the schema and semantic checks say about it. */
export function YamlPreview({
  title,
  yaml,
  namespace,
  alongside,
  live,
}: {
  title: string;
  yaml: string;
  namespace: string;
  /** The other object the form writes in the same step. */
  alongside?: string;
  /** The live object the form writes over, to diff against. */
  live?: string;
}): ReactNode {
  const validations = useLiveValidation(yaml, namespace, alongside);
  return (
    <section className={PANEL} aria-label={title}>
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      <pre className="mb-3 max-h-80 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-950">
        {yaml}
      </pre>
      {live !== undefined && (
        <details className="mb-3" open>
          <summary className="cursor-pointer text-sm font-medium">
            Changes to the live object
          </summary>
          <DiffView before={live} after={yaml} beforeLabel="live" afterLabel="after apply" />
        </details>
      )}
      {validations ? (
        <ValidationList validations={validations} title={`Checks of the ${title}`} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Checking…</p>
      )}
    </section>
  );
}
