'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { SessionResponse } from '@/lib/api/session';
import { apiFetch, ApiProblem } from './api-fetch';
import { queryKeys } from './query-keys';

export function useSessionQuery(): UseQueryResult<SessionResponse, ApiProblem> {
  return useQuery<SessionResponse, ApiProblem>({
    queryKey: queryKeys.session(),
    queryFn: ({ signal }) => apiFetch<SessionResponse>('/api/session', { signal }),
    staleTime: 60_000,
    retry: false,
  });
}

/** The CSRF header the session routes demand (they answer 204, which apiFetch does not read). */
const SESSION_HEADERS = { 'x-meshlens-csrf': '1', 'content-type': 'application/json' };

async function problemOf(res: Response): Promise<ApiProblem> {
  const body: unknown = await res.json().catch(() => undefined);
  const detail =
    typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string'
      ? body.detail
      : `The server answered ${res.status}.`;
  return new ApiProblem(res.status, res.statusText, detail);
}

/** POST /api/session: resolves when signed in, else throws the problem to show. */
export async function signIn(token: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/api/session', {
      method: 'POST',
      headers: SESSION_HEADERS,
      body: JSON.stringify({ token }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiProblem(
      0,
      'Meshlens unreachable',
      'The Meshlens server did not answer. Is it running?',
    );
  }
  if (res.status !== 204) throw await problemOf(res);
}

export async function signOut(): Promise<void> {
  const res = await fetch('/api/session', { method: 'DELETE', headers: SESSION_HEADERS });
  if (res.status !== 204) throw await problemOf(res);
}
