'use client';

import type { ReactNode } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, Tooltip, YAxis } from 'recharts';
import { formatBytesPerSecond, formatMs, formatRps } from '@/components/ui/format';
import type { RequestMetricsPoint, TcpMetricsPoint } from '@/lib/api/metrics';
import type { MetricsTarget } from '@/lib/client/query-keys';
import { useMetricsQuery } from '@/lib/client/use-metrics';
import { asOfText } from '@/components/ui/time-controls';
import { AXIS_TICK, timeAxis } from '@/components/ui/time-axis';
import type { Window } from '@/lib/mesh/types';

/** Fixed sizes: the panel has a fixed width, and a ResponsiveContainer measures 0 on first paint. */
const WIDTH = 350;
const HEIGHT = 120;
const MARGIN = { top: 4, right: 8, bottom: 0, left: 0 };

const CODE_SERIES = [
  { key: 'rps2xx', name: '2xx', colour: '#10b981' },
  { key: 'rps3xx', name: '3xx', colour: '#0ea5e9' },
  { key: 'rps4xx', name: '4xx', colour: '#f59e0b' },
  { key: 'rps5xx', name: '5xx', colour: '#ef4444' },
  { key: 'rpsOther', name: 'other', colour: '#a855f7' },
] as const;

const LATENCY_SERIES = [
  { key: 'p50Ms', name: 'p50', colour: '#64748b' },
  { key: 'p95Ms', name: 'p95', colour: '#0ea5e9' },
  { key: 'p99Ms', name: 'p99', colour: '#a855f7' },
] as const;

const clock = (t: number): string =>
  new Date(t).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

const AXIS = AXIS_TICK;

function Chart({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <figure data-testid="metrics-chart" className="flex flex-col gap-1">
      <figcaption className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {title}
      </figcaption>
      {children}
    </figure>
  );
}

function RequestCharts({ points }: { points: readonly RequestMetricsPoint[] }): ReactNode {
  const data = points.map((p) => ({
    ...p,
    errorPct: p.errorRate === null ? null : p.errorRate * 100,
  }));
  const xAxis = timeAxis(clock);
  return (
    <>
      <Chart title="Requests/s by response code">
        <AreaChart width={WIDTH} height={HEIGHT + 20} data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          {xAxis}
          <YAxis tick={AXIS} width={40} tickFormatter={formatRps} />
          <Tooltip
            labelFormatter={(t) => clock(Number(t))}
            formatter={(v) => formatRps(Number(v))}
          />
          <Legend iconSize={8} wrapperStyle={{ fontSize: 10 }} />
          {CODE_SERIES.map((s) => (
            <Area
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stackId="codes"
              stroke={s.colour}
              fill={s.colour}
              fillOpacity={0.5}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </Chart>
      <Chart title="Error rate (5xx, gRPC errors), %">
        <LineChart width={WIDTH} height={HEIGHT} data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          {xAxis}
          <YAxis tick={AXIS} width={40} unit="%" />
          <Tooltip
            labelFormatter={(t) => clock(Number(t))}
            formatter={(v) => `${Number(v).toFixed(2)}%`}
          />
          <Line
            dataKey="errorPct"
            name="errors"
            stroke="#ef4444"
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </Chart>
      <Chart title="Latency">
        <LineChart width={WIDTH} height={HEIGHT + 20} data={data} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          {xAxis}
          <YAxis
            tick={AXIS}
            width={40}
            tickFormatter={(v: number) => formatMs(v).replace(' ', '')}
          />
          <Tooltip
            labelFormatter={(t) => clock(Number(t))}
            formatter={(v) => formatMs(Number(v))}
          />
          <Legend iconSize={8} wrapperStyle={{ fontSize: 10 }} />
          {LATENCY_SERIES.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={s.colour}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </Chart>
    </>
  );
}

function TcpChart({ points }: { points: readonly TcpMetricsPoint[] }): ReactNode {
  return (
    <Chart title="Bytes/s">
      <AreaChart width={WIDTH} height={HEIGHT + 20} data={[...points]} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        {timeAxis(clock)}
        <YAxis tick={AXIS} width={56} tickFormatter={formatBytesPerSecond} />
        <Tooltip
          labelFormatter={(t) => clock(Number(t))}
          formatter={(v) => formatBytesPerSecond(Number(v))}
        />
        <Legend iconSize={8} wrapperStyle={{ fontSize: 10 }} />
        {/* Istio's "received" counts what the callee received: the request direction. */}
        <Area
          dataKey="receivedBytesPerSecond"
          name="request (caller → callee)"
          stroke="#14b8a6"
          fill="#14b8a6"
          fillOpacity={0.4}
          isAnimationActive={false}
        />
        <Area
          dataKey="sentBytesPerSecond"
          name="response (callee → caller)"
          stroke="#6366f1"
          fill="#6366f1"
          fillOpacity={0.4}
          isAnimationActive={false}
        />
      </AreaChart>
    </Chart>
  );
}

export interface MetricsChartsProps {
  readonly title: string;
  readonly target: MetricsTarget;
  readonly window: Window;
  /** The past moment the window ends at (epoch ms); undefined when live. */
  readonly end?: number | undefined;
  readonly refetchInterval: number | false;
}

/** Series over the window for the selected element only; a down source says so in place. */
export function MetricsCharts({
  title,
  target,
  window,
  end,
  refetchInterval,
}: MetricsChartsProps): ReactNode {
  const { data, error, isPending } = useMetricsQuery(target, { window, end }, refetchInterval);
  return (
    <section aria-label={title} className="flex flex-col gap-3">
      <h3 className="text-sm font-semibold">
        {title}{' '}
        <span className="font-normal text-slate-500" suppressHydrationWarning>
          ({end === undefined ? `last ${window}` : `${window} to ${asOfText(end)}`})
        </span>
      </h3>
      {error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          Metrics unavailable — {error.detail}
        </p>
      ) : null}
      {isPending && !error ? <p className="text-xs text-slate-500">Loading series…</p> : null}
      {data?.protocol === 'tcp' ? <TcpChart points={data.points} /> : null}
      {data && data.protocol !== 'tcp' ? <RequestCharts points={data.points} /> : null}
    </section>
  );
}
