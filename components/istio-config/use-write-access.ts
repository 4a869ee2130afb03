'use client';

import { useStatusQuery } from '@/lib/client/use-status';

/** True only once /api/status says writes are allowed: write controls stay hidden until then. */
export function useCanWrite(): boolean {
  const status = useStatusQuery();
  return status.data?.readOnly === false;
}
