'use client';

import type { ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, YAxis } from 'recharts';
import type { Grouped } from '@/lib/mesh/metrics/group-cells';
import type { Window } from '@/lib/mesh/types';
import { AXIS_TICK, timeAxis, timeTickFormat } from '../time-axis';

const WIDTH = 430;
const HEIGHT = 170;
const MARGIN = { top: 4, right: 12, bottom: 0, left: 0 };
/** Room above the plot for the markers' heads. */
const MARKED_MARGIN = { ...MARGIN, top: 14 };
const MARKER = '#e11d48';
/** More lines than this is noise on one chart; the rest are named under the charts. */
export const MAX_GROUPS = 8;
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

type Row = Record<string, number | null>;

function rows<P extends { readonly t: number }>(
  groups: readonly Grouped<P>[],
  pick: (p: P) => number | null,
): Row[] {
  const times = groups[0]?.points.map((p) => p.t) ?? [];
  return times.map((t, i) => {
    const row: Row = { t };
    groups.forEach((g, j) => {
      const p = g.points[i];
      row[`g${j}`] = p === undefined ? null : pick(p);
    });
    return row;
  });
}

/** Below this many values a line is a few specks (a metric that just started): draw its dots. */
const SPARSE = 6;

function groupName(g: Grouped<unknown>): string {
  return g.reporter === undefined ? g.key : `${g.key} (${g.reporter})`;
}

export interface GroupChartProps<P extends { readonly t: number }> {
  readonly title: string;
  readonly groups: readonly Grouped<P>[];
  readonly pick: (p: P) => number | null;
  readonly window: Window;
  readonly format: (v: number) => string;
  /** Moments to mark with a vertical line (epoch ms), each with a stable key. */
  readonly markers?: readonly { readonly at: number; readonly key: string }[];
  /** Overrides the test id, for charts of another section. */
  readonly testId?: string;
}

/** One value over the window, a line per group (the busiest MAX_GROUPS, in the same colours). */
export function GroupChart<P extends { readonly t: number }>(props: GroupChartProps<P>): ReactNode {
  const shown = props.groups.slice(0, MAX_GROUPS);
  const tick = timeTickFormat(props.window);
  const markers = props.markers ?? [];
  return (
    <figure data-testid={props.testId ?? 'breakdown-chart'} className="flex flex-col gap-1">
      <figcaption className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {props.title}
      </figcaption>
      <LineChart
        width={WIDTH}
        height={HEIGHT}
        data={rows(shown, props.pick)}
        margin={markers.length > 0 ? MARKED_MARGIN : MARGIN}
      >
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        {timeAxis(tick, 50)}
        <YAxis tick={AXIS_TICK} width={70} tickFormatter={props.format} />
        <Tooltip
          labelFormatter={(t) => tick(Number(t))}
          formatter={(v) => props.format(Number(v))}
          contentStyle={{ fontSize: 11 }}
        />
        <Legend iconSize={8} wrapperStyle={{ fontSize: 10 }} />
        {shown.map((g, j) => (
          <Line
            key={`${g.key}-${g.reporter ?? ''}`}
            dataKey={`g${j}`}
            name={groupName(g)}
            stroke={PALETTE[j % PALETTE.length]}
            dot={g.points.filter((p) => props.pick(p) !== null).length < SPARSE && { r: 2 }}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
        {markers.map((m) => (
          <ReferenceLine
            key={m.key}
            x={m.at}
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
