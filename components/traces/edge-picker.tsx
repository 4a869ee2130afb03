'use client';

import { useState, type ReactNode } from 'react';
import type { UpdateTracesView } from './use-traces-view-state';
import type { TracesViewState } from './url-state';

const FIELD =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

/** Without an edge in the link: say where edges come from, and let a person type one. */
export function EdgePicker({
  view,
  onChange,
}: {
  view: TracesViewState;
  onChange: UpdateTracesView;
}): ReactNode {
  const [draft, setDraft] = useState({
    namespace: view.namespace,
    source: view.source,
    target: view.target,
  });
  return (
    <section className="flex max-w-3xl flex-col gap-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Pick an edge on the{' '}
        <a href="/graph" className="text-sky-700 underline dark:text-sky-300">
          graph
        </a>{' '}
        and follow its &ldquo;traces&rdquo; link, or name one here: a caller and a callee (services
        or workloads), or only one of them for every trace through it.
      </p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...draft, trace: undefined }, 'push');
        }}
      >
        {(['namespace', 'source', 'target'] as const).map((field) => (
          <label
            key={field}
            className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300"
          >
            {field === 'source'
              ? 'From (source)'
              : field === 'target'
                ? 'To (target)'
                : 'Namespace'}
            <input
              className={FIELD}
              value={draft[field]}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value.trim().toLowerCase() })}
              placeholder={
                field === 'namespace' ? 'bookinfo' : field === 'source' ? 'productpage' : 'reviews'
              }
            />
          </label>
        ))}
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-3 py-1 text-sm text-white dark:bg-slate-100 dark:text-slate-900"
        >
          Find traces
        </button>
      </form>
    </section>
  );
}
