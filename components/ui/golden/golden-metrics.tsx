'use client';

import type { ReactNode } from 'react';
import { useRefetchInterval } from '@/lib/client/refresh-interval';
import { TimeControls, type TimeRange } from '../time-controls';
import { GoldenBreakdown } from './breakdown-charts';
import { useTimeRange } from './use-time-range';

export interface GoldenMetricsProps {
  /** A graph node id: wl:…, app:… or svc:…. */
  readonly node: string;
  /** A service is only called: it has no outbound traffic of its own. */
  readonly outbound: boolean;
  /** More charts over the same range, shown before the inbound ones. */
  readonly before?: (range: TimeRange, refetchInterval: number | false) => ReactNode;
}

/** A detail page's time controls (window and end in the URL) and its inbound and outbound charts. */
export function GoldenMetrics({ node, outbound, before }: GoldenMetricsProps): ReactNode {
  const [range, setRange] = useTimeRange();
  const liveInterval = useRefetchInterval();
  const refetchInterval = range.end === null ? liveInterval : false;
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <TimeControls window={range.window} end={range.end} onChange={setRange} />
      </div>
      {before?.(range, refetchInterval)}
      <GoldenBreakdown
        node={node}
        direction="inbound"
        title="Inbound"
        range={range}
        refetchInterval={refetchInterval}
      />
      {outbound ? (
        <GoldenBreakdown
          node={node}
          direction="outbound"
          title="Outbound"
          range={range}
          refetchInterval={refetchInterval}
        />
      ) : null}
    </>
  );
}
