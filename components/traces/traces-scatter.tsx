'use client';

import type { ReactNode } from 'react';
import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { formatMs } from '@/components/ui/format';
import type { TraceSummary } from '@/lib/mesh/traces/types';
import { formatClock } from './format-duration';

export interface TracesScatterProps {
  readonly traces: readonly TraceSummary[];
  readonly selected: string | undefined;
  readonly onSelect: (traceId: string) => void;
  readonly width: number;
}

interface Point {
  readonly x: number;
  readonly y: number;
  readonly traceId: string;
  readonly spanCount: number;
}

const toPoint = (t: TraceSummary): Point => ({
  x: t.startTime,
  y: t.durationMs,
  traceId: t.traceId,
  spanCount: t.spanCount,
});

/**
 * Start time against duration, errors in red (and listed as errors in the table beside, for those
 * who cannot tell red apart). Clicking a dot opens its trace; the table is the keyboard's way in.
 */
export function TracesScatter({
  traces,
  selected,
  onSelect,
  width,
}: TracesScatterProps): ReactNode {
  const ok = traces.filter((t) => !t.error).map(toPoint);
  const failed = traces.filter((t) => t.error).map(toPoint);
  const chosen = traces.filter((t) => t.traceId === selected).map(toPoint);
  return (
    <figure aria-label="Trace durations over time" data-testid="traces-scatter">
      <ScatterChart width={width} height={200} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
        <XAxis
          type="number"
          dataKey="x"
          name="start"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(v: number) => formatClock(v).slice(0, 8)}
          tick={{ fontSize: 11, fill: 'currentColor' }}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        <YAxis
          type="number"
          dataKey="y"
          name="duration"
          width={56}
          tickFormatter={(v: number) => formatMs(v)}
          tick={{ fontSize: 11, fill: 'currentColor' }}
          stroke="currentColor"
          strokeOpacity={0.4}
        />
        <ZAxis range={[36, 36]} />
        <Tooltip
          cursor={{ strokeDasharray: '3 3' }}
          isAnimationActive={false}
          formatter={(value, name) =>
            name === 'start' ? formatClock(Number(value)) : formatMs(Number(value))
          }
          contentStyle={{ fontSize: 12 }}
        />
        <Scatter
          name="ok"
          data={ok}
          fill="#0ea5e9"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, i) => {
            const p = ok[i];
            if (p) onSelect(p.traceId);
          }}
        />
        <Scatter
          name="error"
          data={failed}
          fill="#dc2626"
          shape="diamond"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, i) => {
            const p = failed[i];
            if (p) onSelect(p.traceId);
          }}
        />
        <Scatter
          name="selected"
          data={chosen}
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          isAnimationActive={false}
          legendType="none"
          tooltipType="none"
        />
      </ScatterChart>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-600 dark:text-slate-300">
        <span className="flex items-center gap-1">
          <span aria-hidden className="inline-block size-2.5 rounded-full bg-sky-500" /> ok
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden className="inline-block size-2.5 rotate-45 bg-red-600" /> error
        </span>
        <span>x: start time · y: duration · click a dot to open its trace</span>
      </figcaption>
    </figure>
  );
}
