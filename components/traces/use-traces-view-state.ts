'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseTracesViewState, serializeTracesViewState, type TracesViewState } from './url-state';

export type UpdateTracesView = (patch: Partial<TracesViewState>, how?: 'push' | 'replace') => void;

/**
 * The view lives in the query string so a copied link reproduces it (trace included). Filters replace
 * the history entry; opening a trace pushes one, so Back closes it again. history.* is observed by
 * Next's router, so useSearchParams follows without a server round trip.
 */
export function useTracesViewState(): readonly [TracesViewState, UpdateTracesView] {
  const params = useSearchParams();
  const view = useMemo(() => parseTracesViewState(params), [params]);
  const update = useCallback<UpdateTracesView>((patch, how = 'replace') => {
    const current = parseTracesViewState(new URLSearchParams(window.location.search));
    const query = serializeTracesViewState({ ...current, ...patch });
    const url = query === '' ? window.location.pathname : `?${query}`;
    if (how === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);
  return [view, update] as const;
}

/** The href of the view with a patch applied, for real links (middle-click opens a new tab). */
export function hrefWith(view: TracesViewState, patch: Partial<TracesViewState>): string {
  const query = serializeTracesViewState({ ...view, ...patch });
  return query === '' ? '/traces' : `/traces?${query}`;
}
