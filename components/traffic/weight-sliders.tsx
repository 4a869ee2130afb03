'use client';

import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Weights } from '@/lib/mesh/traffic/weights';

export interface WeightSlidersProps {
  readonly subsets: readonly string[];
  readonly weights: Weights;
  readonly locks: ReadonlySet<string>;
  readonly disabled: boolean;
  readonly onChange: (subset: string, value: number) => void;
  readonly onToggleLock: (subset: string) => void;
}

const PAGE_STEP = 10;

/** Typed digits apply on Enter or blur, so "50" does not rebalance the others for "5" first. */
function NumberField({
  subset,
  value,
  disabled,
  onCommit,
}: {
  subset: string;
  value: number;
  disabled: boolean;
  onCommit: (v: number) => void;
}): ReactNode {
  const [text, setText] = useState<string | null>(null);
  const commit = (): void => {
    if (text !== null && text.trim() !== '' && Number.isFinite(Number(text)))
      onCommit(Number(text));
    setText(null);
  };
  return (
    <input
      type="number"
      min={0}
      max={100}
      step={1}
      inputMode="numeric"
      aria-label={`Weight of subset ${subset} in percent`}
      disabled={disabled}
      value={text ?? String(value)}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(null);
      }}
      className="w-16 rounded-md border border-slate-300 bg-white px-2 py-1 text-right text-sm tabular-nums disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900"
    />
  );
}

/**
 * One native range input per subset (role "slider", arrows step 1); PageUp/PageDown step 10 here
 * because browsers disagree on their native step. Moving one rebalances the unlocked others.
 */
export function WeightSliders({
  subsets,
  weights,
  locks,
  disabled,
  onChange,
  onToggleLock,
}: WeightSlidersProps): ReactNode {
  const onKeyDown =
    (subset: string) =>
    (e: KeyboardEvent<HTMLInputElement>): void => {
      if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
      e.preventDefault();
      onChange(subset, (weights[subset] ?? 0) + (e.key === 'PageUp' ? PAGE_STEP : -PAGE_STEP));
    };
  return (
    <ul className="flex flex-col gap-3">
      {subsets.map((subset) => {
        const locked = locks.has(subset);
        const value = weights[subset] ?? 0;
        return (
          <li
            key={subset}
            className="grid grid-cols-[minmax(4rem,max-content)_1fr_auto_auto] items-center gap-3"
            data-testid="weight-row"
            data-subset={subset}
          >
            {/* Backend Service names run long: wrap them (at hyphens first) instead of cutting them off. */}
            <span className="max-w-56 text-sm font-medium break-words">{subset}</span>
            <input
              type="range"
              min={0}
              max={100}
              step={1}
              value={value}
              aria-label={`Weight for subset ${subset}`}
              aria-valuetext={`${value}%${locked ? ', locked' : ''}`}
              disabled={disabled || locked}
              onChange={(e) => onChange(subset, Number(e.target.value))}
              onKeyDown={onKeyDown(subset)}
              className="h-2 w-full cursor-pointer accent-sky-600 disabled:cursor-not-allowed disabled:opacity-50 dark:accent-sky-400"
            />
            <NumberField
              subset={subset}
              value={value}
              disabled={disabled || locked}
              onCommit={(v) => onChange(subset, v)}
            />
            <button
              type="button"
              aria-pressed={locked}
              aria-label={`Lock subset ${subset}`}
              title={locked ? 'Locked: keeps its weight while others move' : 'Lock this weight'}
              disabled={disabled}
              onClick={() => onToggleLock(subset)}
              className={`rounded-md border px-2 py-1 text-xs font-medium focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none disabled:opacity-50 ${
                locked
                  ? 'border-amber-500 bg-amber-100 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-200'
                  : 'border-slate-300 bg-white text-slate-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300'
              }`}
            >
              {locked ? 'Locked' : 'Lock'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
