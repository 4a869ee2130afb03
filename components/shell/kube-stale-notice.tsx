'use client';

import type { ReactNode } from 'react';
import { formatAge } from '@/components/ui/format';
import { useStatusQuery } from '@/lib/client/use-status';

const clock = (ms: number): string => new Date(ms).toLocaleTimeString('en-GB');

/**
 * Every page but traces is drawn from the informer caches, which keep serving the last known objects
 * when the Kubernetes API stops answering; this says how old they are, so nobody acts on a
 * namespace, workload or route that may have changed. It leaves by itself once the API answers.
 */
export function KubeStaleNotice(): ReactNode {
  const { data, dataUpdatedAt } = useStatusQuery();
  const kubernetes = data?.sources.kubernetes;
  if (!kubernetes?.stale || kubernetes.syncedAt === undefined) return null;
  const syncedMs = Date.parse(kubernetes.syncedAt);
  const reason = kubernetes.error ?? 'the Kubernetes API is not answering';
  return (
    <p
      role="status"
      data-testid="kube-stale"
      className="border-t border-amber-300 bg-amber-50 px-4 py-1.5 text-center text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      Kubernetes data as of {clock(syncedMs)} ({formatAge(dataUpdatedAt - syncedMs)}):{' '}
      {reason.endsWith('.') ? reason : `${reason}.`} Namespaces, workloads and routing shown may
      have changed since.
    </p>
  );
}
