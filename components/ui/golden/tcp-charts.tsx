'use client';

import type { ReactNode } from 'react';
import { formatBytesPerSecond, formatRps } from '@/components/ui/format';
import type { TcpBreakdownGroup, TcpBreakdownPoint } from '@/lib/mesh/metrics/breakdown-tcp';
import type { Window } from '@/lib/mesh/types';
import { GroupChart } from './group-chart';

const CHARTS: readonly {
  readonly title: string;
  readonly pick: (p: TcpBreakdownPoint) => number;
  readonly format: (v: number) => string;
}[] = [
  {
    title: 'TCP bytes received/s (request direction)',
    pick: (p) => p.receivedBytesPerSecond,
    format: formatBytesPerSecond,
  },
  {
    title: 'TCP bytes sent/s (response direction)',
    pick: (p) => p.sentBytesPerSecond,
    format: formatBytesPerSecond,
  },
  { title: 'TCP connections opened/s', pick: (p) => p.openedPerSecond, format: formatRps },
  { title: 'TCP connections closed/s', pick: (p) => p.closedPerSecond, format: formatRps },
];

export interface TcpChartsProps {
  readonly groups: readonly TcpBreakdownGroup[];
  readonly window: Window;
}

/** Bytes each way and connections opened and closed, a line per group; a sentence when idle. */
export function TcpCharts({ groups, window }: TcpChartsProps): ReactNode {
  if (groups.length === 0)
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400">No TCP traffic in this window.</p>
    );
  return (
    <div className="flex flex-wrap gap-4">
      {CHARTS.map((c) => (
        <GroupChart
          key={c.title}
          title={c.title}
          groups={groups}
          pick={c.pick}
          window={window}
          format={c.format}
        />
      ))}
    </div>
  );
}
