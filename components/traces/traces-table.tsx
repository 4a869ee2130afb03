'use client';

import type { MouseEvent, ReactNode } from 'react';
import { formatMs } from '@/components/ui/format';
import type { TraceSummary } from '@/lib/mesh/traces/types';
import { formatClock } from './format-duration';

export interface TracesTableProps {
  readonly traces: readonly TraceSummary[];
  readonly selected: string | undefined;
  readonly hrefOf: (traceId: string) => string;
  readonly onSelect: (traceId: string) => void;
}

function shortService(name: string): string {
  return name.split('.')[0] ?? name;
}

/** One row per trace; the start time is a real link to it (middle-click opens a new tab). */
export function TracesTable({ traces, selected, hrefOf, onSelect }: TracesTableProps): ReactNode {
  const open = (e: MouseEvent<HTMLAnchorElement>, id: string): void => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onSelect(id);
  };
  return (
    <table className="w-full text-left text-sm" data-testid="traces-table">
      <caption className="sr-only">Traces</caption>
      <thead className="text-xs text-slate-600 dark:text-slate-300">
        <tr className="border-b border-slate-200 dark:border-slate-700">
          <th scope="col" className="py-1 pr-2 font-medium">
            Start
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            Duration
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            Spans
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Services
          </th>
          <th scope="col" className="py-1 font-medium">
            Result
          </th>
        </tr>
      </thead>
      <tbody>
        {traces.map((t) => {
          const isSelected = t.traceId === selected;
          return (
            <tr
              key={t.traceId}
              data-trace-id={t.traceId}
              aria-selected={isSelected}
              className={`border-b border-slate-100 dark:border-slate-800 ${
                isSelected
                  ? 'bg-sky-50 dark:bg-sky-950'
                  : 'hover:bg-slate-50 dark:hover:bg-slate-900'
              }`}
            >
              <td className="py-1 pr-2 font-mono text-xs">
                <a
                  href={hrefOf(t.traceId)}
                  onClick={(e) => open(e, t.traceId)}
                  aria-current={isSelected ? 'true' : undefined}
                  aria-label={`Open trace ${t.traceId.slice(0, 8)} started ${formatClock(t.startTime)}, ${formatMs(t.durationMs)}${t.error ? ', with errors' : ''}`}
                  className="text-sky-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300"
                >
                  {formatClock(t.startTime)}
                </a>
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">{formatMs(t.durationMs)}</td>
              <td className="py-1 pr-2 text-right tabular-nums">{t.spanCount}</td>
              <td className="max-w-56 truncate py-1 pr-2" title={t.services.join(', ')}>
                {t.services.map(shortService).join(', ')}
              </td>
              <td className="py-1">
                {t.error ? (
                  <span className="inline-flex items-center gap-1 font-medium text-red-700 dark:text-red-400">
                    <span aria-hidden>⚠</span>error
                  </span>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">ok</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
