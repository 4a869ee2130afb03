'use client';

import type { ReactNode } from 'react';
import { formatBytesPerSecond, formatMs, formatPercent, formatRps } from '@/components/ui/format';
import { HealthBadge } from '@/components/ui/health-badge';
import { TracesLink } from '@/components/ui/traces-link';
import type { GraphType, MeshEdge, MeshNode, Window } from '@/lib/mesh/types';
import { LockIcon } from '@/components/ui/lock-icon';
import { MetricsCharts } from './metrics-charts';
import { StatList, type Stat } from './stat-list';
import { edgeTraceScope } from './trace-scope';

export interface EdgeDetailsProps {
  readonly type: GraphType;
  readonly edge: MeshEdge;
  readonly source: MeshNode;
  readonly target: MeshNode;
  readonly window: Window;
  readonly end?: number | undefined;
  readonly refetchInterval: number | false;
}

const ms = (value: number | undefined): string => (value === undefined ? '—' : formatMs(value));

function MtlsValue({ mtls }: { mtls: number }): ReactNode {
  if (mtls >= 0.995)
    return (
      <>
        <LockIcon /> All traffic
      </>
    );
  if (mtls > 0)
    return (
      <>
        <LockIcon isOpen /> {formatPercent(mtls)} of traffic
      </>
    );
  return 'None (plaintext)';
}

function requestStats(edge: MeshEdge): Stat[] {
  const codes = edge.responseCodes;
  return [
    { label: 'Requests/s', value: formatRps(edge.rps ?? 0) },
    { label: 'Errors (5xx, gRPC)', value: formatPercent(edge.errorRate) },
    { label: '4xx', value: formatPercent(edge.clientErrorRate ?? 0) },
    { label: 'p50', value: ms(edge.p50Ms) },
    { label: 'p95', value: ms(edge.p95Ms) },
    { label: 'p99', value: ms(edge.p99Ms) },
    ...(codes
      ? [
          {
            label: 'By code (req/s)',
            value: `2xx ${formatRps(codes['2xx'])} · 3xx ${formatRps(codes['3xx'])} · 4xx ${formatRps(codes['4xx'])} · 5xx ${formatRps(codes['5xx'])} · other ${formatRps(codes.other)}`,
          },
        ]
      : []),
  ];
}

// Istio counts TCP bytes from the destination's side: what it received is the request direction
// (caller → callee), what it sent is the response direction. A person reads the edge's arrow, so the
// labels name the direction, not the counter.
const REQUEST_BYTES = 'Request bytes/s (caller → callee)';
const RESPONSE_BYTES = 'Response bytes/s (callee → caller)';

function tcpStats(edge: MeshEdge): Stat[] {
  return [
    {
      label: REQUEST_BYTES,
      value: formatBytesPerSecond(edge.receivedBytesPerSecond ?? 0),
      testId: 'edge-request-bytes',
    },
    {
      label: RESPONSE_BYTES,
      value: formatBytesPerSecond(edge.sentBytesPerSecond ?? 0),
      testId: 'edge-response-bytes',
    },
    ...(edge.connectionsPerSecond !== undefined
      ? [{ label: 'Connections/s', value: formatRps(edge.connectionsPerSecond) }]
      : []),
  ];
}

/** ztunnel's L4 under an ambient edge's requests. */
function l4Stats(edge: MeshEdge): Stat[] {
  const l4 = edge.l4;
  if (l4 === undefined) return [];
  return [
    {
      label: 'L4 request bytes/s (ztunnel)',
      value: formatBytesPerSecond(l4.receivedBytesPerSecond),
      testId: 'edge-l4-request-bytes',
    },
    {
      label: 'L4 response bytes/s (ztunnel)',
      value: formatBytesPerSecond(l4.sentBytesPerSecond),
      testId: 'edge-l4-response-bytes',
    },
    {
      label: 'L4 connections/s',
      value: formatRps(l4.connectionsPerSecond),
      testId: 'edge-l4-connections',
    },
  ];
}

const REPORTED_BY: Readonly<Record<NonNullable<MeshEdge['reportedBy']>, string>> = {
  waypoint: 'Waypoint (L7), ztunnel (L4)',
  ztunnel: 'ztunnel (L4 only)',
};

function ambientStats(edge: MeshEdge): Stat[] {
  if (edge.reportedBy === undefined && edge.waypoint === undefined) return [];
  return [
    ...(edge.reportedBy !== undefined
      ? [{ label: 'Measured by', value: REPORTED_BY[edge.reportedBy], testId: 'edge-measured-by' }]
      : []),
    ...(edge.waypoint !== undefined
      ? [
          {
            label: 'Waypoint',
            value: `${edge.waypoint.namespace}/${edge.waypoint.name}`,
            testId: 'edge-waypoint',
          },
        ]
      : []),
  ];
}

export function EdgeDetails({
  type,
  edge,
  source,
  target,
  window,
  end,
  refetchInterval,
}: EdgeDetailsProps): ReactNode {
  const stats: Stat[] = [
    { label: 'Health', value: <HealthBadge health={edge.health} /> },
    { label: 'Protocol', value: edge.protocol.toUpperCase() },
    ...(edge.protocol === 'tcp' ? tcpStats(edge) : [...requestStats(edge), ...l4Stats(edge)]),
    { label: 'mTLS', value: <MtlsValue mtls={edge.mtls} /> },
    ...ambientStats(edge),
  ];
  const scope = edgeTraceScope(source, target, edge);
  return (
    <>
      <StatList stats={stats} />
      <TracesLink scope={scope} window={window} end={end}>
        Traces between these two over the last {window} →
      </TracesLink>
      <MetricsCharts
        title="Over the window"
        window={window}
        end={end}
        refetchInterval={refetchInterval}
        target={{
          kind: 'edge',
          type,
          namespace: scope.namespace,
          source: source.id,
          target: target.id,
          protocol: edge.protocol,
        }}
      />
    </>
  );
}
