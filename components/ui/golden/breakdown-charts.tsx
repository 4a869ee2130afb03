'use client';

import { useId, useState, type ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, YAxis } from 'recharts';
import { formatMs, formatRps } from '@/components/ui/format';
import type { BreakdownResponse } from '@/lib/api/metrics';
import { useBreakdownQuery } from '@/lib/client/use-breakdown';
import type { BreakdownBy, Direction, ReporterChoice } from '@/lib/mesh/metrics/breakdown';
import { windowSeconds } from '@/lib/mesh/types';
import { AXIS_TICK, timeAxis } from '../time-axis';
import type { TimeRange } from '../time-controls';

const WIDTH = 430;
const HEIGHT = 170;
const MARGIN = { top: 4, right: 12, bottom: 0, left: 0 };
/** More lines than this is noise on one chart; the rest are named under it. */
const MAX_GROUPS = 8;
const PALETTE = [
  '#0ea5e9',
  '#10b981',
  '#f59e0b',
  '#a855f7',
  '#ef4444',
  '#64748b',
  '#ec4899',
  '#14b8a6',
];
const CONTROL =
  'rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:border-slate-600 dark:bg-slate-900';

const BY_NAMES: Readonly<Record<BreakdownBy, string>> = {
  version: 'Version',
  remote: 'Remote end',
  code: 'Response code',
};
const REPORTER_NAMES: Readonly<Record<ReporterChoice, string>> = {
  destination: 'Destination proxy',
  source: 'Source proxy',
  both: 'Both, apart',
};
const PERCENTILE_NAMES = { p50Ms: 'p50', p90Ms: 'p90', p95Ms: 'p95', p99Ms: 'p99' } as const;
type Percentile = keyof typeof PERCENTILE_NAMES;

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}): ReactNode {
  const id = useId();
  const keys = Object.keys(props.options) as T[];
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        className={CONTROL}
        value={props.value}
        onChange={(e) => {
          const next = keys.find((k) => k === e.target.value);
          if (next !== undefined) props.onChange(next);
        }}
      >
        {keys.map((k) => (
          <option key={k} value={k}>
            {props.options[k]}
          </option>
        ))}
      </select>
    </span>
  );
}

function tickFormat(window: TimeRange['window']): (t: number) => string {
  const days = windowSeconds(window) >= 86_400;
  return (t) => {
    const d = new Date(t);
    const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    return days
      ? `${d.toLocaleDateString('en-US', { month: 'short', day: 'numeric' })} ${time}`
      : time;
  };
}

type Row = Record<string, number | null>;

function rows(
  data: BreakdownResponse,
  pick: (p: BreakdownResponse['groups'][number]['points'][number]) => number | null,
): Row[] {
  const shown = data.groups.slice(0, MAX_GROUPS);
  const times = shown[0]?.points.map((p) => p.t) ?? [];
  return times.map((t, i) => {
    const row: Row = { t };
    shown.forEach((g, j) => {
      const p = g.points[i];
      row[`g${j}`] = p === undefined ? null : pick(p);
    });
    return row;
  });
}

function groupName(g: BreakdownResponse['groups'][number]): string {
  return g.reporter === undefined ? g.key : `${g.key} (${g.reporter})`;
}

function Chart(props: {
  title: string;
  data: BreakdownResponse;
  rows: Row[];
  window: TimeRange['window'];
  format: (v: number) => string;
}): ReactNode {
  const shown = props.data.groups.slice(0, MAX_GROUPS);
  const tick = tickFormat(props.window);
  return (
    <figure data-testid="breakdown-chart" className="flex flex-col gap-1">
      <figcaption className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {props.title}
      </figcaption>
      <LineChart width={WIDTH} height={HEIGHT} data={props.rows} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        {timeAxis(tick, 50)}
        <YAxis tick={AXIS_TICK} width={60} tickFormatter={props.format} />
        <Tooltip
          labelFormatter={(t) => tick(Number(t))}
          formatter={(v) => props.format(Number(v))}
        />
        <Legend iconSize={8} wrapperStyle={{ fontSize: 10 }} />
        {shown.map((g, j) => (
          <Line
            key={`${g.key}-${g.reporter ?? ''}`}
            dataKey={`g${j}`}
            name={groupName(g)}
            stroke={PALETTE[j % PALETTE.length]}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </figure>
  );
}

export interface GoldenBreakdownProps {
  /** A graph node id, e.g. wl:bookinfo:reviews-v2. */
  readonly node: string;
  readonly direction: Direction;
  readonly title: string;
  readonly range: TimeRange;
  readonly refetchInterval: number | false;
}

/**
 * Request rate, error share and a latency percentile over the window, one line per group; the split
 * (version, remote end, response code) and the reporting proxy are the reader's to choose, as in Kiali.
 */
export function GoldenBreakdown(props: GoldenBreakdownProps): ReactNode {
  const titleId = useId();
  const [by, setBy] = useState<BreakdownBy>(props.direction === 'inbound' ? 'version' : 'remote');
  const [reporter, setReporter] = useState<ReporterChoice>(
    props.direction === 'inbound' ? 'destination' : 'source',
  );
  const [percentile, setPercentile] = useState<Percentile>('p95Ms');
  const query = useBreakdownQuery(
    {
      node: props.node,
      direction: props.direction,
      by,
      reporter,
      window: props.range.window,
      end: props.range.end ?? undefined,
    },
    props.refetchInterval,
  );
  const data = query.data;
  const hidden = data ? data.groups.length - MAX_GROUPS : 0;
  return (
    <section
      aria-labelledby={titleId}
      data-testid={`golden-${props.direction}`}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={titleId} className="text-sm font-semibold">
          {props.title}
        </h2>
        <Choice label="Split by" value={by} options={BY_NAMES} onChange={setBy} />
        <Choice
          label="Reported by"
          value={reporter}
          options={REPORTER_NAMES}
          onChange={setReporter}
        />
        <Choice
          label="Latency"
          value={percentile}
          options={PERCENTILE_NAMES}
          onChange={setPercentile}
        />
      </div>
      {query.error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          Metrics unavailable — {query.error.detail}
        </p>
      ) : null}
      {!data && !query.error ? <p className="text-xs text-slate-500">Loading series…</p> : null}
      {data && data.groups.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No {props.direction} requests in the window.
        </p>
      ) : null}
      {data && data.groups.length > 0 ? (
        <div className="flex flex-wrap gap-4">
          <Chart
            title="Requests/s"
            data={data}
            rows={rows(data, (p) => p.rps)}
            window={props.range.window}
            format={formatRps}
          />
          <Chart
            title="Errors (5xx, gRPC), %"
            data={data}
            rows={rows(data, (p) => (p.errorRate === null ? null : p.errorRate * 100))}
            window={props.range.window}
            format={(v) => `${v.toFixed(1)}%`}
          />
          <Chart
            title={`Latency ${PERCENTILE_NAMES[percentile]}`}
            data={data}
            rows={rows(data, (p) => p[percentile])}
            window={props.range.window}
            format={formatMs}
          />
        </div>
      ) : null}
      {hidden > 0 ? (
        <p className="text-xs text-slate-500">
          The {MAX_GROUPS} busiest shown; {hidden} more with less traffic.
        </p>
      ) : null}
    </section>
  );
}
