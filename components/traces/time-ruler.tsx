import type { ReactNode } from 'react';
import { formatDurationUs } from './format-duration';

export interface TimeRulerProps {
  readonly ticks: readonly number[];
  readonly durationUs: number;
}

/** Tick labels over the bars' shared time axis, measured from the trace's start. */
export function TimeRuler({ ticks, durationUs }: TimeRulerProps): ReactNode {
  return (
    <div className="relative h-6" aria-hidden data-testid="time-ruler">
      {ticks.map((t, i) => {
        const pct = (t / durationUs) * 100;
        const last = i === ticks.length - 1 && pct > 90;
        return (
          <span
            key={t}
            className="absolute top-0 h-full border-l border-slate-300 pl-1 text-[11px] text-slate-600 tabular-nums dark:border-slate-600 dark:text-slate-300"
            style={
              last
                ? { right: `${100 - pct}%`, borderLeft: 'none', paddingRight: 4 }
                : { left: `${pct}%` }
            }
          >
            {formatDurationUs(t)}
          </span>
        );
      })}
    </div>
  );
}

/** Faint vertical lines at the ticks, behind a row's bar. */
export function TickLines({ ticks, durationUs }: TimeRulerProps): ReactNode {
  return ticks.map((t) => (
    <span
      key={t}
      aria-hidden
      className="absolute inset-y-0 border-l border-slate-200 dark:border-slate-800"
      style={{ left: `${(t / durationUs) * 100}%` }}
    />
  ));
}
