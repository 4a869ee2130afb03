'use client';

import { useId, useState, type ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, YAxis } from 'recharts';
import { formatMs, formatRps } from '@/components/ui/format';
import { AXIS_TICK, timeAxis, timeTickFormat } from '@/components/ui/time-axis';
import { asOfText, type TimeRange } from '@/components/ui/time-controls';
import type { BreakdownResponse } from '@/lib/api/metrics';
import type { RoutingChange, RoutingChanges } from '@/lib/api/traffic';
import { useBreakdownQuery } from '@/lib/client/use-breakdown';
import { useTrafficQuery } from '@/lib/client/use-traffic';
import { serviceId } from '@/lib/mesh/graph/node-ids';
import type { BreakdownPoint } from '@/lib/mesh/metrics/breakdown';

const PALETTE = ['#0ea5e9', '#f59e0b', '#10b981', '#a855f7', '#ef4444', '#64748b'];
const MARKER = '#e11d48';
const MARGIN = { top: 14, right: 12, bottom: 0, left: 0 };
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

type Row = Record<string, number | null>;

/** One row per step with a column per version (`v0`, `v1`, … in group order). */
function rowsOf(groups: BreakdownResponse['groups'], pick: Signal['pick']): Row[] {
  const times = groups[0]?.points.map((p) => p.t) ?? [];
  return times.map((t, i) => {
    const row: Row = { t };
    groups.forEach((g, j) => {
      const p = g.points[i];
      row[`v${j}`] = p === undefined ? null : pick(p);
    });
    return row;
  });
}

function changeText(c: RoutingChange): string {
  const who = c.by === undefined ? 'outside Meshlens' : `by ${c.by} in Meshlens`;
  return `${c.kind} ${c.namespace}/${c.name} ${c.change} ${who}${c.summary ? ` — ${c.summary}` : ''}`;
}

interface ChartProps {
  readonly signal: Signal;
  readonly groups: BreakdownResponse['groups'];
  /** Palette index of each group, so a version keeps its colour in every chart. */
  readonly colours: readonly number[];
  readonly changes: readonly RoutingChange[];
  readonly range: TimeRange;
  readonly width: number;
  readonly title: string;
}

function CompareChart(props: ChartProps): ReactNode {
  const tick = timeTickFormat(props.range.window);
  return (
    <figure data-testid="compare-chart" className="flex flex-col gap-1">
      <figcaption className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {props.title}
      </figcaption>
      <LineChart
        width={props.width}
        height={160}
        data={rowsOf(props.groups, props.signal.pick)}
        margin={MARGIN}
      >
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        {timeAxis(tick, 50)}
        <YAxis tick={AXIS_TICK} width={60} tickFormatter={props.signal.format} />
        <Tooltip
          labelFormatter={(t) => tick(Number(t))}
          formatter={(v) => props.signal.format(Number(v))}
        />
        {props.groups.length > 1 ? <Legend iconSize={8} wrapperStyle={{ fontSize: 10 }} /> : null}
        {props.groups.map((g, j) => (
          <Line
            key={g.key}
            dataKey={`v${j}`}
            name={g.key}
            stroke={PALETTE[(props.colours[j] ?? j) % PALETTE.length]}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        {props.changes.map((c) => (
          <ReferenceLine
            key={`${c.kind}/${c.name}/${c.resourceVersion}`}
            x={c.at}
            stroke={MARKER}
            strokeDasharray="4 2"
            ifOverflow="extendDomain"
            label={{ value: '▼', position: 'top', fill: MARKER, fontSize: 10 }}
          />
        ))}
      </LineChart>
    </figure>
  );
}

function ChangeList({ changes }: { readonly changes: RoutingChanges }): ReactNode {
  return (
    <div className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-300">
      {changes.items.length > 0 ? (
        <ol aria-label="Routing changes in the window" className="flex flex-col gap-0.5">
          {changes.items.map((c) => (
            <li key={`${c.kind}/${c.name}/${c.resourceVersion}`} data-testid="routing-change">
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
      reporter: 'destination',
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
  // Colours follow the versions' names, not their traffic order, so they stay put as shares move.
  const byName = [...groups.map((g) => g.key)].sort();
  const colours = groups.map((g) => byName.indexOf(g.key));
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
            <CompareChart
              key={signal.title}
              title={signal.title}
              signal={signal}
              groups={groups}
              colours={colours}
              changes={changes?.items ?? []}
              range={props.range}
              width={430}
            />
          ))}
        </div>
      ) : null}
      {groups.length > 0 && layout === 'side-by-side' ? (
        <div className="flex flex-col gap-3">
          {groups.map((g, j) => (
            <div key={g.key} className="flex flex-wrap gap-4">
              {SIGNALS.map((signal) => (
                <CompareChart
                  key={signal.title}
                  title={`${g.key} · ${signal.title}`}
                  signal={signal}
                  groups={[g]}
                  colours={[colours[j] ?? j]}
                  changes={changes?.items ?? []}
                  range={props.range}
                  width={430}
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
