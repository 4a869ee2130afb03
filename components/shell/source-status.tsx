'use client';

import type { ReactNode } from 'react';
import { useStatusQuery } from '@/lib/client/use-status';
import type { SourceState } from '@/lib/api/status';

interface SourceDotProps {
  readonly name: string;
  readonly state: SourceState | undefined;
  readonly target?: string | undefined;
  readonly configured?: boolean;
}

function SourceDot({ name, state, target, configured = true }: SourceDotProps): ReactNode {
  const label = !configured
    ? `${name}: not configured`
    : !state
      ? `${name}: checking…`
      : state.ok
        ? `${name}: up${target ? ` (${target})` : ''}`
        : `${name}: down — ${state.error ?? 'no answer'}`;
  const colour =
    !configured || !state ? 'bg-slate-400' : state.ok ? 'bg-emerald-500' : 'bg-red-500';
  return (
    <li
      className="group relative flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300"
      title={label}
      data-testid={`source-${name.toLowerCase()}`}
      data-state={!configured ? 'off' : !state ? 'pending' : state.ok ? 'up' : 'down'}
    >
      <span aria-hidden className={`size-2.5 rounded-full ${colour}`} />
      <span className="sr-only">{label}</span>
      <span aria-hidden>{name}</span>
      {state && !state.ok && configured ? (
        <span
          role="tooltip"
          className="pointer-events-none absolute top-6 right-0 z-50 hidden w-80 rounded-md bg-slate-900 p-2 text-xs text-white shadow-lg group-hover:block dark:bg-slate-700"
        >
          {label}
        </span>
      ) : null}
    </li>
  );
}

/** The state of each data source, so a person knows at once whether what they see can be trusted. */
export function SourceStatus(): ReactNode {
  const { data, error } = useStatusQuery();
  if (error) {
    return (
      <p role="status" className="text-xs text-red-700 dark:text-red-400">
        Status unavailable: {error.detail}
      </p>
    );
  }
  const sources = data?.sources;
  return (
    <ul aria-label="Data sources" className="flex items-center gap-3">
      <SourceDot name="Prometheus" state={sources?.prometheus} target={sources?.prometheus.url} />
      <SourceDot
        name="Kubernetes"
        state={sources?.kubernetes}
        target={sources?.kubernetes.server}
      />
      <SourceDot
        name="Jaeger"
        state={sources?.jaeger}
        target={sources?.jaeger.url}
        configured={sources ? sources.jaeger.configured : true}
      />
    </ul>
  );
}
