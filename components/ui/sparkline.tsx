'use client';

import type { ReactNode } from 'react';
import { Line, LineChart, YAxis } from 'recharts';
import { formatRps } from './format';

const WIDTH = 72;
const HEIGHT = 20;
const MARGIN = { top: 2, right: 1, bottom: 2, left: 1 };
/** A flat zero line lies on the floor instead of floating mid-cell. */
const DOMAIN: [number, (max: number) => number] = [0, (max) => (max > 0 ? max : 1)];

export interface SparklineProps {
  /** Requests per second per step, oldest first. */
  readonly points: readonly number[];
  /** What the line is, for a screen reader and the tooltip: "Requests/s over the last 1h". */
  readonly label: string;
}

/**
 * A row's request rate over the window as a tiny line, no axes; one image with words for assistive
 * technology (its range and last value), not a chart to explore.
 */
export function Sparkline({ points, label }: SparklineProps): ReactNode {
  const data = points.map((v, i) => ({ i, v }));
  const text =
    points.length === 0
      ? label
      : `${label}: ${formatRps(Math.min(...points))} to ${formatRps(Math.max(...points))}, last ${formatRps(points.at(-1) ?? 0)}`;
  return (
    <span
      role="img"
      aria-label={text}
      title={text}
      className="flex h-5 text-sky-600 dark:text-sky-400"
    >
      <LineChart
        width={WIDTH}
        height={HEIGHT}
        data={data}
        margin={MARGIN}
        accessibilityLayer={false}
      >
        <YAxis hide domain={DOMAIN} />
        <Line
          type="monotone"
          dataKey="v"
          stroke="currentColor"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
