'use client';

import { useSyncExternalStore } from 'react';
import type { SessionResponse } from '@/lib/api/session';
import { useSessionQuery } from '@/lib/client/use-session';

const noSubscription = (): (() => void) => () => {};

/**
 * The session that decides which write controls to offer (lib/mesh/access/write-permission.ts), or
 * undefined while it loads: controls stay hidden until the API server's answers are known. While a
 * Suspense boundary hydrates it stays undefined, as on the server: the header may already have
 * fetched the session by then, and rendering the controls early would not match the server's HTML.
 */
export function useWriteSession(): SessionResponse | undefined {
  const session = useSessionQuery();
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return hydrated ? session.data : undefined;
}
