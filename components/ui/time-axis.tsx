import type { ReactElement } from 'react';
import { XAxis } from 'recharts';
import { windowSeconds, type Window } from '@/lib/mesh/types';

/** Axis text for every chart: small, and readable on light and dark backgrounds alike. */
export const AXIS_TICK = { fontSize: 10, fill: '#94a3b8' };

/**
 * The time axis of a series chart (points carry `t` in epoch ms), as an element: recharts reads its
 * axes from the chart's direct children, so a wrapping component would not be seen.
 */
export function timeAxis(format: (t: number) => string, minTickGap = 40): ReactElement {
  return (
    <XAxis
      dataKey="t"
      type="number"
      domain={['dataMin', 'dataMax']}
      scale="time"
      tickFormatter={format}
      tick={AXIS_TICK}
      minTickGap={minTickGap}
    />
  );
}

/** Tick text for a window: times of day, with the date once the window spans a day or more. */
export function timeTickFormat(window: Window): (t: number) => string {
  const days = windowSeconds(window) >= 86_400;
  return (t) => {
    const d = new Date(t);
    const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    return days
      ? `${d.toLocaleDateString('en-US', { month: 'short', day: 'numeric' })} ${time}`
      : time;
  };
}
