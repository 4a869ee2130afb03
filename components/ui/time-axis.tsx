import type { ReactElement } from 'react';
import { XAxis } from 'recharts';

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
