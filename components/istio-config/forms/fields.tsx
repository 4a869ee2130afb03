'use client';

import { useId, type ReactNode } from 'react';
import { INPUT } from '../styles';

/** Small labelled inputs for the routing forms: every field has a visible label and a hint. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: string;
  type?: 'text' | 'number';
  min?: number;
  max?: number;
}): ReactNode {
  const id = useId();
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-semibold text-slate-700 dark:text-slate-300">
        {props.label}
      </label>
      <input
        id={id}
        className={INPUT}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        min={props.min}
        max={props.max}
        {...(props.hint && { 'aria-describedby': `${id}-hint` })}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <span id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {props.hint}
        </span>
      )}
    </div>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}): ReactNode {
  const id = useId();
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-semibold text-slate-700 dark:text-slate-300">
        {props.label}
      </label>
      <select
        id={id}
        className={INPUT}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
