'use client';

import { useId, useState, type ReactNode } from 'react';
import { useBreakdownQuery } from '@/lib/client/use-breakdown';
import type { BreakdownBy, Direction, ReporterChoice } from '@/lib/mesh/metrics/breakdown';
import type { TimeRange } from '../time-controls';
import { Choice } from './choice';
import { MAX_GROUPS } from './group-chart';
import {
  LATENCY_NAMES,
  RESPONSE_NAMES,
  RequestCharts,
  SIZE_NAMES,
  type LatencyChoice,
  type ResponseChoice,
  type SizeChoice,
} from './request-charts';
import { TcpCharts } from './tcp-charts';

const BY_NAMES: Readonly<Record<BreakdownBy, string>> = {
  version: 'Version',
  remote: 'Remote end',
  code: 'Response code',
};
const REPORTER_NAMES: Readonly<Record<ReporterChoice, string>> = {
  auto: 'Automatic (sidecar, else waypoint)',
  destination: 'Destination proxy',
  source: 'Source proxy',
  waypoint: 'Waypoint (ambient)',
  both: 'Both, apart',
};

export interface GoldenBreakdownProps {
  /** A graph node id, e.g. wl:bookinfo:reviews-v2. */
  readonly node: string;
  readonly direction: Direction;
  readonly title: string;
  readonly range: TimeRange;
  readonly refetchInterval: number | false;
}

/**
 * Golden metrics over the window, one line per group: requests (by response class), error share,
 * latency, request and response sizes, and TCP bytes and connections. The split (version, remote
 * end, response code) and the reporting proxy are the reader's to choose, as in Kiali.
 */
export function GoldenBreakdown(props: GoldenBreakdownProps): ReactNode {
  const titleId = useId();
  const [by, setBy] = useState<BreakdownBy>(props.direction === 'inbound' ? 'version' : 'remote');
  // Automatic: the sidecar's report where there is one, the waypoint's for an ambient node.
  const [reporter, setReporter] = useState<ReporterChoice>('auto');
  const [responses, setResponses] = useState<ResponseChoice>('all');
  const [latency, setLatency] = useState<LatencyChoice>('p95Ms');
  const [size, setSize] = useState<SizeChoice>('avg');
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
  const hidden = data ? Math.max(data.groups.length, data.tcpGroups.length) - MAX_GROUPS : 0;
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
          label="Responses"
          value={responses}
          options={RESPONSE_NAMES}
          onChange={setResponses}
        />
        <Choice label="Latency" value={latency} options={LATENCY_NAMES} onChange={setLatency} />
        <Choice label="Sizes" value={size} options={SIZE_NAMES} onChange={setSize} />
      </div>
      {query.error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          Metrics unavailable — {query.error.detail}
        </p>
      ) : null}
      {!data && !query.error ? <p className="text-xs text-slate-500">Loading series…</p> : null}
      {data && data.groups.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No {props.direction} HTTP or gRPC requests in the window.
        </p>
      ) : null}
      {data && data.groups.length > 0 ? (
        <RequestCharts
          groups={data.groups}
          window={props.range.window}
          responses={responses}
          latency={latency}
          size={size}
        />
      ) : null}
      {data ? <TcpCharts groups={data.tcpGroups} window={props.range.window} /> : null}
      {hidden > 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          The {MAX_GROUPS} busiest shown; {hidden} more with less traffic.
        </p>
      ) : null}
    </section>
  );
}
