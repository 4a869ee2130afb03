import Link from 'next/link';
import type { ReactNode } from 'react';
import type { NamespaceSummary } from '@/lib/api/namespaces';
import type { NamespaceSecurity } from '@/lib/api/security';
import type { Window } from '@/lib/mesh/types';
import { HealthBadge } from '@/components/ui/health-badge';
import { formatPercent, formatRps } from '@/components/ui/format';
import { NamespaceDataPlaneSection } from './namespace-data-plane';
import { NamespaceMtls } from './namespace-mtls';

function Stat({ label, value }: { label: string; value: ReactNode }): ReactNode {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

export interface NamespaceCardProps {
  readonly ns: NamespaceSummary;
  /** Undefined while the posture loads, or when it failed (`securityError`). */
  readonly security?: NamespaceSecurity | undefined;
  readonly securityError?: string | undefined;
  /** The overview's window, which the cards' rates and plaintext callers cover. */
  readonly window: Window;
}

export function NamespaceCard({
  ns,
  security,
  securityError,
  window,
}: NamespaceCardProps): ReactNode {
  const metrics = ns.rps !== null && ns.errorRate !== null;
  return (
    <article
      aria-labelledby={`ns-${ns.name}`}
      data-testid="namespace-card"
      data-namespace={ns.name}
      className="flex w-full flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <header className="flex items-center justify-between gap-2">
        <h2 id={`ns-${ns.name}`} className="truncate text-base font-semibold">
          {ns.name}
        </h2>
        <HealthBadge health={ns.health} />
      </header>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2">
        <Stat label="Services" value={ns.services} />
        <Stat label="Workloads" value={ns.workloads} />
        <Stat label="Requests/s" value={metrics ? formatRps(ns.rps ?? 0) : '—'} />
        <Stat
          label="Error rate"
          value={
            metrics ? (
              <span className={ns.errorRate ? 'text-red-700 dark:text-red-400' : undefined}>
                {formatPercent(ns.errorRate ?? 0)}
              </span>
            ) : (
              '—'
            )
          }
        />
      </dl>
      <NamespaceDataPlaneSection
        namespace={ns.name}
        dataPlane={ns.dataPlane}
        warnings={ns.captureWarnings}
      />
      <NamespaceMtls security={security} error={securityError} window={window} />
      {ns.unhealthy.length > 0 ? (
        <div className="text-xs">
          <p className="text-slate-500 dark:text-slate-400">Needs attention</p>
          <ul className="mt-1 flex flex-col gap-1">
            {ns.unhealthy.slice(0, 3).map((w) => (
              <li key={w.name} className="flex items-center justify-between gap-2">
                <span className="truncate font-medium">{w.name}</span>
                <HealthBadge health={w.health} />
              </li>
            ))}
            {ns.unhealthy.length > 3 ? (
              <li className="text-slate-500 dark:text-slate-400">
                and {ns.unhealthy.length - 3} more
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
      {ns.problems.map((p) => (
        <p key={`${p.object}:${p.value}`} className="text-xs text-amber-800 dark:text-amber-300">
          Health thresholds on {p.object} ignored: {p.message}
        </p>
      ))}
      {!metrics ? (
        <p
          role="status"
          className="text-xs text-amber-800 dark:text-amber-300"
          data-testid="metrics-unavailable"
        >
          Metrics unavailable{ns.metricsError ? `: ${ns.metricsError}` : ''}
        </p>
      ) : null}
      <footer className="mt-auto flex gap-3 text-sm">
        <Link
          className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
          href={`/graph?namespaces=${encodeURIComponent(ns.name)}`}
        >
          Graph
        </Link>
        <Link
          className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
          href={`/istio?namespaces=${encodeURIComponent(ns.name)}`}
        >
          Istio config
        </Link>
      </footer>
    </article>
  );
}
