'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AuthorizationPreviewBody, AuthorizationPreviewResponse } from '@/lib/api/security';
import type { Window } from '@/lib/mesh/types';
import { apiFetch, type ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';

/** As long as the editor's validation pause, so both answers arrive together. */
const PREVIEW_DELAY_MS = 400;

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface AuthorizationPreviewState {
  readonly query: UseQueryResult<AuthorizationPreviewResponse, ApiProblem>;
  /** True while the text typed last has not been sent yet or its answer is on its way. */
  readonly isSettling: boolean;
}

/**
 * POST /api/security/authorization/preview for a policy's YAML, sent a moment after the text stops
 * changing; writes nothing. Each text is its own query, so going back to a text already previewed
 * shows its answer at once.
 */
export function useAuthorizationPreview(
  yaml: string,
  options: { readonly enabled?: boolean; readonly window?: Window } = {},
): AuthorizationPreviewState {
  const enabled = options.enabled ?? true;
  const settled = useDebounced(yaml, PREVIEW_DELAY_MS);
  const query = useQuery<AuthorizationPreviewResponse, ApiProblem>({
    queryKey: queryKeys.authorizationPreview(settled, options.window),
    queryFn: ({ signal }) => {
      const body: AuthorizationPreviewBody = {
        yaml: settled,
        ...(options.window && { window: options.window }),
      };
      return apiFetch<AuthorizationPreviewResponse>('/api/security/authorization/preview', {
        method: 'POST',
        body,
        signal,
      });
    },
    // Only the text on screen is sent: a text typed over within the pause never is.
    enabled: enabled && settled === yaml && settled.trim() !== '',
    retry: false,
    // Observed traffic moves on; an answer for the same text is good for a while, not forever.
    staleTime: 30_000,
  });
  return { query, isSettling: settled !== yaml || query.isFetching };
}
