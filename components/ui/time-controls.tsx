'use client';

import { useId, type ReactNode } from 'react';
import { readWindow } from '@/lib/mesh/time/params';
import { WINDOWS, type Window } from '@/lib/mesh/types';

const CONTROL =
  'rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:border-slate-600 dark:bg-slate-900';
const LABEL = 'flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300';

export interface TimeRange {
  readonly window: Window;
  /** Epoch ms of a past moment the view ends at; null when it is live. */
  readonly end: number | null;
}

export interface TimeControlsProps extends TimeRange {
  readonly onChange: (next: Partial<TimeRange>) => void;
}

/** "11:00, Dec 5": the moment a past view shows, in the reader's time zone. */
export function asOfText(ms: number): string {
  const d = new Date(ms);
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const day = d.toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
  return `${time}, ${day}`;
}

/** A `datetime-local` value (local time, to the minute) for epoch ms, and back. */
function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

function fromLocalInput(value: string): number | null {
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/**
 * The window (presets, plus the URL's own when it is another duration) and the moment it ends: live
 * by default; a past moment stops refreshing, says "as of …", and "Now" returns to live.
 */
export function TimeControls({ window, end, onChange }: TimeControlsProps): ReactNode {
  const windowId = useId();
  const endId = useId();
  const options: readonly Window[] = WINDOWS.some((w) => w === window)
    ? WINDOWS
    : [...WINDOWS, window];
  return (
    <>
      <div className={LABEL}>
        <label htmlFor={windowId}>Window</label>
        <select
          id={windowId}
          value={window}
          className={CONTROL}
          onChange={(e) => {
            const read = readWindow(e.target.value);
            if (read.ok) onChange({ window: read.window });
          }}
        >
          {options.map((w) => (
            <option key={w} value={w}>
              Last {w}
            </option>
          ))}
        </select>
      </div>
      <div className={LABEL}>
        <label htmlFor={endId}>Ending</label>
        <input
          id={endId}
          type="datetime-local"
          className={CONTROL}
          value={end === null ? '' : toLocalInput(end)}
          // The moment is shown in the reader's time zone, which the server does not know.
          suppressHydrationWarning
          onChange={(e) => onChange({ end: fromLocalInput(e.target.value) })}
          aria-describedby={`${endId}-state`}
        />
        <span id={`${endId}-state`} data-testid="time-state" suppressHydrationWarning>
          {end === null ? 'now (live)' : `as of ${asOfText(end)}`}
        </span>
        {end !== null ? (
          <button
            type="button"
            className={`${CONTROL} font-medium`}
            onClick={() => onChange({ end: null })}
          >
            Now
          </button>
        ) : null}
      </div>
    </>
  );
}
