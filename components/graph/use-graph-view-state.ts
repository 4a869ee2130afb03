'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseGraphViewState, serializeGraphViewState, type GraphViewState } from './url-state';

export type UpdateGraphView = (patch: Partial<GraphViewState>) => void;

/**
 * The view lives in the query string so a copied link reproduces it. Writes go through
 * history.replaceState, which Next's router observes (useSearchParams follows), rather than
 * router.replace: typing in "find" must not cost a server round trip per key.
 */
export function useGraphViewState(): readonly [GraphViewState, UpdateGraphView] {
  const params = useSearchParams();
  const view = useMemo(() => parseGraphViewState(params), [params]);
  const update = useCallback<UpdateGraphView>((patch) => {
    // Read the live URL, not the render's snapshot, so two updates in one event both land.
    const current = parseGraphViewState(new URLSearchParams(window.location.search));
    const query = serializeGraphViewState({ ...current, ...patch });
    window.history.replaceState(null, '', query === '' ? window.location.pathname : `?${query}`);
  }, []);
  return [view, update] as const;
}
