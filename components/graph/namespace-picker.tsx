'use client';

import { useRef, type ReactNode } from 'react';

export interface NamespacePickerProps {
  readonly all: readonly string[];
  readonly selected: readonly string[];
  readonly onChange: (namespaces: string[]) => void;
}

/** A checkbox list in a native disclosure: keyboard-operable as is, no focus trap to get wrong. */
export function NamespacePicker({ all, selected, onChange }: NamespacePickerProps): ReactNode {
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const chosen = new Set(selected);
  const toggle = (name: string): void => {
    const next = all.filter((n) => (n === name ? !chosen.has(n) : chosen.has(n)));
    if (next.length > 0) onChange(next);
  };
  return (
    <details
      ref={detailsRef}
      className="relative"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !detailsRef.current?.open) return;
        e.stopPropagation();
        detailsRef.current.open = false;
        detailsRef.current.querySelector('summary')?.focus();
      }}
    >
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:border-slate-600 dark:bg-slate-900">
        <span className="text-slate-600 dark:text-slate-300">Namespaces</span>
        <span className="max-w-48 truncate font-medium">{selected.join(', ') || '—'}</span>
        <span aria-hidden>▾</span>
      </summary>
      <fieldset className="absolute z-30 mt-1 flex max-h-72 min-w-48 flex-col gap-1 overflow-auto rounded-md border border-slate-300 bg-white p-2 shadow-lg dark:border-slate-600 dark:bg-slate-900">
        <legend className="sr-only">Namespaces to show</legend>
        {all.length === 0 ? <p className="text-xs text-slate-500">No namespaces found.</p> : null}
        {all.map((name) => (
          <label key={name} className="flex items-center gap-2 text-xs">
            <input
              type="checkbox"
              checked={chosen.has(name)}
              onChange={() => toggle(name)}
              className="accent-sky-600"
            />
            {name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
