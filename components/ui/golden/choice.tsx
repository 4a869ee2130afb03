'use client';

import { useId, type ReactNode } from 'react';

const CONTROL =
  'rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:border-slate-600 dark:bg-slate-900';

/** A labelled select over a fixed set of options, their display names given by `options`. */
export function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}): ReactNode {
  const id = useId();
  const keys = Object.keys(props.options) as T[];
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        className={CONTROL}
        value={props.value}
        onChange={(e) => {
          const next = keys.find((k) => k === e.target.value);
          if (next !== undefined) props.onChange(next);
        }}
      >
        {keys.map((k) => (
          <option key={k} value={k}>
            {props.options[k]}
          </option>
        ))}
      </select>
    </span>
  );
}
