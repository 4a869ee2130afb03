'use client';

import { useIsFetching } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { REFRESH_CHOICES, useRefreshInterval } from '@/lib/client/refresh-interval';

export function RefreshControl(): ReactNode {
  const { intervalMs, setIntervalMs } = useRefreshInterval();
  const fetching = useIsFetching() > 0;
  return (
    <div className="flex items-center gap-2 text-xs">
      <label htmlFor="refresh-interval" className="text-slate-600 dark:text-slate-300">
        Refresh
      </label>
      <select
        id="refresh-interval"
        value={intervalMs}
        onChange={(e) => setIntervalMs(Number(e.target.value))}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 dark:border-slate-600 dark:bg-slate-900"
      >
        {REFRESH_CHOICES.map((c) => (
          <option key={c.ms} value={c.ms}>
            {c.label}
          </option>
        ))}
      </select>
      <span
        aria-hidden
        className={`size-2 rounded-full ${fetching ? 'animate-pulse bg-sky-500' : 'bg-transparent'}`}
      />
    </div>
  );
}
