'use client';

import type { ReactNode } from 'react';
import { formatPercent, formatRps } from '@/components/ui/format';
import type { TrafficResponse } from '@/lib/api/traffic';
import { useTrafficQuery } from '@/lib/client/use-traffic';
import { defaultRetriesNote } from '@/lib/mesh/traffic/route-facts';
import { routeMatchWords, virtualServiceMatchWords } from '@/lib/mesh/traffic/route-match-words';
import { ProblemAlert } from './problem-alert';
import { RouteFacts } from './route-facts';
import { asOfText } from './time-controls';
import { SplitBars } from './split-bars';
import { SubsetSignals } from './subset-signals';

/** A route's matches in words, as its header says them; a catch-all route says so. */
function matchText(data: TrafficResponse, route: TrafficResponse['routes'][number]): string {
  const words = data.gatewayRoute
    ? routeMatchWords(data.gatewayRoute.kind, route.match)
    : virtualServiceMatchWords(route.match);
  return words.length > 0 ? `matched: ${words.join(' or ')}` : 'catch-all: every request';
}

export interface TrafficSplitViewProps {
  readonly namespace: string;
  readonly service: string;
  /**
   * What goes under the split once it is loaded. The service page puts the weight editor there; the
   * graph's side panel has no room for it and links to the service page instead.
   */
  readonly renderEditor?: (traffic: TrafficResponse) => ReactNode;
  /** A past moment (epoch ms): the observed side as it was then; live when undefined. */
  readonly end?: number | undefined;
}

/** The split's own window: short, so a weight change shows within a minute. */
const SPLIT_WINDOW = '1m';

export const CARD =
  'flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900';

/** A service's traffic split: configured vs observed per route, subsets' signals and warnings. */
export function TrafficSplitView({
  namespace,
  service,
  renderEditor,
  end,
}: TrafficSplitViewProps): ReactNode {
  const { data, error, isPending } = useTrafficQuery(
    namespace,
    service,
    end === undefined ? undefined : { window: SPLIT_WINDOW, end },
  );
  if (isPending)
    return <p className="text-sm text-slate-500 dark:text-slate-400">Loading traffic split…</p>;
  if (error && !data) return <ProblemAlert problem={error} />;
  const metricsAvailable = data.metricsError === undefined;
  const observed = metricsAvailable ? data.observed.shares : undefined;
  return (
    <div
      className="flex flex-col gap-4"
      data-testid="traffic-split"
      data-resource-version={(data.gatewayRoute ?? data.virtualService)?.resourceVersion ?? ''}
      data-routing-kind={data.gatewayRoute?.kind ?? (data.virtualService ? 'VirtualService' : '')}
    >
      <section aria-labelledby="split-title" className={CARD}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="split-title" className="text-base font-semibold">
            Traffic split
          </h2>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {data.gatewayRoute
              ? `${data.gatewayRoute.kind} ${data.gatewayRoute.namespace}/${data.gatewayRoute.name} · version ${data.gatewayRoute.resourceVersion} · split by backend Service`
              : data.virtualService
                ? `VirtualService ${data.virtualService.namespace}/${data.virtualService.name} · version ${data.virtualService.resourceVersion}`
                : 'No VirtualService: the service balances over all its pods.'}
            {metricsAvailable
              ? ` · ${formatRps(data.observed.totalRps)} req/s observed over ${data.observed.window}`
              : ''}
            {end !== undefined ? ` as of ${asOfText(end)}; the configured weights are today's` : ''}
          </p>
        </div>
        {!metricsAvailable ? (
          <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
            Metrics unavailable: {data.metricsError}
          </p>
        ) : null}
        {data.warnings.length > 0 ? (
          <ul aria-label="Warnings" className="flex flex-col gap-1">
            {data.warnings.map((w, i) => (
              <li
                key={i}
                data-testid="traffic-warning"
                data-code={w.code}
                className={
                  w.code === 'settling'
                    ? 'rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:border-sky-700 dark:bg-sky-950/60 dark:text-sky-100'
                    : 'rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100'
                }
              >
                {w.message}
              </li>
            ))}
          </ul>
        ) : null}
        {data.routes.map((route) => (
          <div
            key={route.index}
            className="flex flex-col gap-1"
            data-testid="route"
            data-route={route.index}
            data-unreachable={route.unreachable !== undefined}
          >
            <h3 className="text-sm font-medium">
              Route {route.name ?? `#${route.index}`}{' '}
              <span className="font-normal text-slate-500 dark:text-slate-400">
                {matchText(data, route)}
              </span>
            </h3>
            <RouteFacts route={route} label={`route ${route.name ?? `#${route.index}`}`} />
            <SplitBars route={route} observed={observed} />
          </div>
        ))}
        {!data.gatewayRoute && defaultRetriesNote(data.routes) ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {defaultRetriesNote(data.routes)}
          </p>
        ) : null}
        {data.routes.length > 1 ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Observed shares count all of the service&apos;s requests, whichever route they took.
          </p>
        ) : null}
        {metricsAvailable && (data.observed.faultAbortedShare ?? 0) > 0 ? (
          <p data-testid="fault-aborted" className="text-xs text-slate-500 dark:text-slate-400">
            {formatPercent(data.observed.faultAbortedShare ?? 0)} were aborted by an injected fault
            and reached no subset.
          </p>
        ) : null}
        {metricsAvailable && data.observed.unassignedShare > 0 ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {formatPercent(data.observed.unassignedShare)} went to pods no subset selects.
          </p>
        ) : null}
      </section>

      {data.subsets.length > 0 ? (
        <section aria-labelledby="signals-title" className={CARD}>
          <h2 id="signals-title" className="text-base font-semibold">
            {data.gatewayRoute ? 'Backends side by side' : 'Subsets side by side'}
          </h2>
          <SubsetSignals
            subsets={data.subsets}
            metricsAvailable={metricsAvailable}
            splitBy={data.gatewayRoute ? 'backendService' : 'subset'}
          />
        </section>
      ) : null}

      {renderEditor?.(data)}
    </div>
  );
}
