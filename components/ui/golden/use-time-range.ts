'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { formatEnd } from '@/lib/mesh/time/duration';
import { readEnd, readWindow } from '@/lib/mesh/time/params';
import type { TimeRange } from '../time-controls';

const DEFAULT_WINDOW = '1h';

/** `window` and `end` of a detail page's URL, read as the API reads them; defaults left out. */
export function useTimeRange(): readonly [TimeRange, (patch: Partial<TimeRange>) => void] {
  const params = useSearchParams();
  const range = useMemo((): TimeRange => read(params), [params]);
  const update = useCallback((patch: Partial<TimeRange>) => {
    const live = new URLSearchParams(window.location.search);
    const next = { ...read(live), ...patch };
    if (next.window === DEFAULT_WINDOW) live.delete('window');
    else live.set('window', next.window);
    if (next.end === null) live.delete('end');
    else live.set('end', formatEnd(next.end));
    const query = live.toString();
    window.history.replaceState(null, '', query === '' ? window.location.pathname : `?${query}`);
  }, []);
  return [range, update] as const;
}

function read(params: { get(name: string): string | null }): TimeRange {
  const w = params.get('window');
  const e = params.get('end');
  const parsed = w === null ? undefined : readWindow(w);
  return {
    window: parsed?.ok ? parsed.window : DEFAULT_WINDOW,
    end: (e === null ? undefined : readEnd(e)) ?? null,
  };
}
