'use client';

import { useSyncExternalStore } from 'react';
import { useStatusQuery } from '@/lib/client/use-status';

const noSubscription = (): (() => void) => () => {};

/**
 * True only once /api/status says writes are allowed: write controls stay hidden until then. While a
 * Suspense boundary hydrates it stays false, as on the server: the header may already have fetched
 * the status by then, and rendering the controls early would not match the server's HTML.
 */
export function useCanWrite(): boolean {
  const status = useStatusQuery();
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return hydrated && status.data?.readOnly === false;
}
