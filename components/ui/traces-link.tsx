'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useStatusQuery } from '@/lib/client/use-status';
import { tracesHref, type TraceScope } from './traces-href';

export interface TracesLinkProps {
  readonly scope: TraceScope;
  readonly window?: string;
  /** The past moment the linking view shows (epoch ms). */
  readonly end?: number | undefined;
  readonly children: ReactNode;
}

/** A link to the traces behind an edge, node or service, or why there are none to see. */
export function TracesLink({ scope, window, end, children }: TracesLinkProps): ReactNode {
  const status = useStatusQuery();
  if (status.data?.sources.jaeger.configured === false)
    return <p className="text-xs text-slate-500">Tracing is not configured.</p>;
  return (
    <Link
      href={tracesHref(scope, window, end)}
      className="text-sm font-medium text-sky-700 underline hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300"
    >
      {children}
    </Link>
  );
}
