'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { TrafficSplitView } from '@/components/ui/traffic-split-view';
import { useServiceRoutingQuery } from '@/lib/client/use-istio-config';
import { useTrafficQuery } from '@/lib/client/use-traffic';

export interface NodeTrafficSplitProps {
  readonly namespace: string;
  readonly service: string;
  /** The graph's past moment (epoch ms); undefined when live. */
  readonly end?: number | undefined;
}

function RoutedSplit({ namespace, service, end }: NodeTrafficSplitProps): ReactNode {
  // The live panel reads the same react-query entry, so this check costs no second request.
  const { data } = useTrafficQuery(namespace, service);
  if (!data?.virtualService) return null;
  return (
    <section aria-label={`Traffic split of ${service}`} className="flex flex-col gap-2">
      <TrafficSplitView namespace={namespace} service={service} end={end} />
      <Link
        href={`/services/${encodeURIComponent(namespace)}/${encodeURIComponent(service)}`}
        className="text-sm font-medium text-sky-700 underline hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300"
      >
        Change the split →
      </Link>
    </section>
  );
}

/**
 * Configured vs observed split for a service a VirtualService routes. /api/routing answers from the
 * informer caches alone, so it decides cheaply whether the split (two PromQL queries, polled every
 * few seconds) is worth fetching; a 404 (an app with no Service of its name) shows nothing.
 */
export function NodeTrafficSplit(props: NodeTrafficSplitProps): ReactNode {
  const routing = useServiceRoutingQuery(props.namespace, props.service);
  if (!routing.data?.virtualService) return null;
  return <RoutedSplit {...props} />;
}
