'use client';

import type { ReactNode } from 'react';
import { formatBytes, formatMs, formatRps } from '@/components/ui/format';
import type { BreakdownGroup, BreakdownPoint } from '@/lib/mesh/metrics/breakdown';
import type { Window } from '@/lib/mesh/types';
import { GroupChart } from './group-chart';

export const RESPONSE_NAMES = {
  all: 'All',
  '2xx': '2xx',
  '3xx': '3xx',
  '4xx': '4xx',
  '5xx': '5xx',
} as const;
export type ResponseChoice = keyof typeof RESPONSE_NAMES;

export const LATENCY_NAMES = {
  avgMs: 'Average',
  p50Ms: 'p50',
  p90Ms: 'p90',
  p95Ms: 'p95',
  p99Ms: 'p99',
} as const;
export type LatencyChoice = keyof typeof LATENCY_NAMES;

export const SIZE_NAMES = { avg: 'Average', p95: 'p95' } as const;
export type SizeChoice = keyof typeof SIZE_NAMES;

export interface RequestChartsProps {
  readonly groups: readonly BreakdownGroup[];
  readonly window: Window;
  readonly responses: ResponseChoice;
  readonly latency: LatencyChoice;
  readonly size: SizeChoice;
}

const hasSizes = (groups: readonly BreakdownGroup[]): boolean =>
  groups.some((g) =>
    g.points.some((p) => p.requestBytesAvg !== null || p.responseBytesAvg !== null),
  );

/** Request volume, error share, latency and sizes of HTTP and gRPC requests, a line per group. */
export function RequestCharts(props: RequestChartsProps): ReactNode {
  const { groups, window, responses, latency, size } = props;
  const volume = (p: BreakdownPoint): number => (responses === 'all' ? p.rps : p.codes[responses]);
  const requestSize = (p: BreakdownPoint) =>
    size === 'avg' ? p.requestBytesAvg : p.requestBytesP95;
  const responseSize = (p: BreakdownPoint) =>
    size === 'avg' ? p.responseBytesAvg : p.responseBytesP95;
  return (
    <div className="flex flex-wrap gap-4">
      <GroupChart
        title={responses === 'all' ? 'Requests/s' : `Requests/s answered ${responses}`}
        groups={groups}
        pick={volume}
        window={window}
        format={formatRps}
      />
      <GroupChart
        title="Errors (5xx, gRPC), %"
        groups={groups}
        pick={(p) => (p.errorRate === null ? null : p.errorRate * 100)}
        window={window}
        format={(v) => `${v.toFixed(1)}%`}
      />
      <GroupChart
        title={`Latency ${LATENCY_NAMES[latency].toLowerCase()}`}
        groups={groups}
        pick={(p) => p[latency]}
        window={window}
        format={formatMs}
      />
      {hasSizes(groups) ? (
        <>
          <GroupChart
            title={`Request size ${SIZE_NAMES[size].toLowerCase()}`}
            groups={groups}
            pick={requestSize}
            window={window}
            format={formatBytes}
          />
          <GroupChart
            title={`Response size ${SIZE_NAMES[size].toLowerCase()}`}
            groups={groups}
            pick={responseSize}
            window={window}
            format={formatBytes}
          />
        </>
      ) : (
        <p className="self-center text-xs text-slate-600 dark:text-slate-400">
          No request or response sizes reported in this window.
        </p>
      )}
    </div>
  );
}
