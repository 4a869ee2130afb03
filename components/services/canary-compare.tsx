'use client';

import { useId, useState, type ReactNode } from 'react';
import { formatMs, formatRps } from '@/components/ui/format';
import { GroupChart } from '@/components/ui/golden/group-chart';
import { asOfText, type TimeRange } from '@/components/ui/time-controls';
import type { RoutingChange, RoutingChanges } from '@/lib/api/traffic';
import { useBreakdownQuery } from '@/lib/client/use-breakdown';
import { useTrafficQuery } from '@/lib/client/use-traffic';
import { serviceId } from '@/lib/mesh/graph/node-ids';
import type { BreakdownPoint } from '@/lib/mesh/metrics/breakdown';

/** A canary has a handful of versions; more than this is not a rollout to compare. */
const MAX_VERSIONS = 6;

type Layout = 'overlaid' | 'side-by-side';

interface Signal {
  readonly title: string;
  readonly pick: (p: BreakdownPoint) => number | null;
  readonly format: (v: number) => string;
}

const SIGNALS: readonly Signal[] = [
  { title: 'Requests/s', pick: (p) => p.rps, format: formatRps },
  {
    title: 'Errors (5xx, gRPC), %',
    pick: (p) => (p.errorRate === null ? null : p.errorRate * 100),
    format: (v) => `${v.toFixed(1)}%`,
  },
  { title: 'Latency p95', pick: (p) => p.p95Ms, format: formatMs },
];

const changeKey = (c: RoutingChange): string => `${c.kind}/${c.name}/${c.resourceVersion}`;

function changeText(c: RoutingChange): string {
  const who = c.by === undefined ? 'outside Meshlens' : `by ${c.by} in Meshlens`;
  return `${c.kind} ${c.namespace}/${c.name} ${c.change} ${who}${c.summary ? ` — ${c.summary}` : ''}`;
}

function ChangeList({ changes }: { readonly changes: RoutingChanges }): ReactNode {
  return (
    <div className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-300">
      {changes.items.length > 0 ? (
        <ol aria-label="Routing changes in the window" className="flex flex-col gap-0.5">
          {changes.items.map((c) => (
            <li key={changeKey(c)} data-testid="routing-change">
              <span aria-hidden className="mr-1 text-rose-600 dark:text-rose-400">
                ▼
              </span>
              <time dateTime={new Date(c.at).toISOString()} className="font-medium">
                {asOfText(c.at)}
              </time>{' '}
              {changeText(c)}
            </li>
          ))}
        </ol>
      ) : (
        <p>No routing change seen in this window.</p>
      )}
      <p className="text-slate-500 dark:text-slate-400">
        Markers show the changes this Meshlens has seen since {asOfText(changes.seenSince)}: its own
        writes and its watch on VirtualServices and DestinationRules, kept in memory only (a restart
        forgets them).
      </p>
    </div>
  );
}

export interface CanaryCompareProps {
  readonly namespace: string;
  readonly service: string;
  readonly range: TimeRange;
  readonly refetchInterval: number | false;
}

/**
 * The service's versions side by side over the window: request rate, error share and p95 as the
 * service's own proxies report them, with a marker at each routing change Meshlens has seen.
 */
export function CanaryCompare(props: CanaryCompareProps): ReactNode {
  const titleId = useId();
  const [layout, setLayout] = useState<Layout>('overlaid');
  const end = props.range.end ?? undefined;
  const breakdown = useBreakdownQuery(
    {
      node: serviceId(props.namespace, props.service),
      direction: 'inbound',
      by: 'version',
      reporter: 'auto',
      window: props.range.window,
      end,
    },
    props.refetchInterval,
  );
  const traffic = useTrafficQuery(props.namespace, props.service, {
    window: props.range.window,
    end,
  });
  const groups = (breakdown.data?.groups ?? []).slice(0, MAX_VERSIONS);
  const changes = traffic.data?.changes;
  const markers = (changes?.items ?? []).map((c) => ({ at: c.at, key: changeKey(c) }));
  const layoutButton = (value: Layout, label: string): ReactNode => (
    <button
      type="button"
      aria-pressed={layout === value}
      onClick={() => setLayout(value)}
      className="rounded-md border border-slate-300 px-2 py-0.5 text-xs focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none aria-pressed:bg-slate-800 aria-pressed:text-white dark:border-slate-600 dark:aria-pressed:bg-slate-200 dark:aria-pressed:text-slate-900"
    >
      {label}
    </button>
  );
  return (
    <section
      aria-labelledby={titleId}
      data-testid="canary-compare"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={titleId} className="text-sm font-semibold">
          Versions compared
        </h2>
        <div role="group" aria-label="Layout" className="flex gap-1">
          {layoutButton('overlaid', 'Overlaid')}
          {layoutButton('side-by-side', 'Side by side')}
        </div>
      </div>
      {breakdown.error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          Metrics unavailable — {breakdown.error.detail}
        </p>
      ) : null}
      {!breakdown.data && !breakdown.error ? (
        <p className="text-xs text-slate-500">Loading series…</p>
      ) : null}
      {breakdown.data && groups.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No requests into {props.service} in the window.
        </p>
      ) : null}
      {groups.length > 0 && layout === 'overlaid' ? (
        <div className="flex flex-wrap gap-4">
          {SIGNALS.map((signal) => (
            <GroupChart
              key={signal.title}
              testId="compare-chart"
              title={signal.title}
              groups={groups}
              pick={signal.pick}
              format={signal.format}
              window={props.range.window}
              markers={markers}
            />
          ))}
        </div>
      ) : null}
      {groups.length > 0 && layout === 'side-by-side' ? (
        <div className="flex flex-col gap-3">
          {groups.map((g) => (
            <div key={g.key} className="flex flex-wrap gap-4">
              {SIGNALS.map((signal) => (
                <GroupChart
                  key={signal.title}
                  testId="compare-chart"
                  title={`${g.key} · ${signal.title}`}
                  groups={[g]}
                  pick={signal.pick}
                  format={signal.format}
                  window={props.range.window}
                  markers={markers}
                />
              ))}
            </div>
          ))}
        </div>
      ) : null}
      {changes ? <ChangeList changes={changes} /> : null}
      {traffic.error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          Routing changes unavailable — {traffic.error.detail}
        </p>
      ) : null}
    </section>
  );
}
