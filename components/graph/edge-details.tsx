'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatBytesPerSecond, formatMs, formatPercent, formatRps } from '@/components/ui/format';
import { HealthBadge } from '@/components/ui/health-badge';
import { useStatusQuery } from '@/lib/client/use-status';
import type { GraphType, MeshEdge, MeshNode, Window } from '@/lib/mesh/types';
import { LockIcon } from './lock-icon';
import { MetricsCharts } from './metrics-charts';
import { StatList, type Stat } from './stat-list';

export interface EdgeDetailsProps {
  readonly type: GraphType;
  readonly edge: MeshEdge;
  readonly source: MeshNode;
  readonly target: MeshNode;
  readonly window: Window;
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

/** The namespace traces are searched in: the callee's, unless it lives outside the mesh. */
function traceNamespace(source: MeshNode, target: MeshNode): string {
  return target.namespace !== 'unknown' ? target.namespace : source.namespace;
}

export function tracesHref(source: MeshNode, target: MeshNode, window: Window): string {
  const search = new URLSearchParams({
    namespace: traceNamespace(source, target),
    source: source.workload ?? source.service ?? source.name,
    target: target.service ?? target.workload ?? target.name,
    window,
  });
  return `/traces?${search.toString()}`;
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

function tcpStats(edge: MeshEdge): Stat[] {
  return [
    { label: 'Sent', value: formatBytesPerSecond(edge.sentBytesPerSecond ?? 0) },
    { label: 'Received', value: formatBytesPerSecond(edge.receivedBytesPerSecond ?? 0) },
  ];
}

function TracesLink({
  source,
  target,
  window,
}: {
  source: MeshNode;
  target: MeshNode;
  window: Window;
}): ReactNode {
  const status = useStatusQuery();
  if (status.data?.sources.jaeger.configured === false)
    return <p className="text-xs text-slate-500">Tracing is not configured.</p>;
  return (
    <Link
      href={tracesHref(source, target, window)}
      className="text-sm font-medium text-sky-700 underline hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300"
    >
      Traces between these two over the last {window} →
    </Link>
  );
}

export function EdgeDetails({
  type,
  edge,
  source,
  target,
  window,
  refetchInterval,
}: EdgeDetailsProps): ReactNode {
  const stats: Stat[] = [
    { label: 'Health', value: <HealthBadge health={edge.health} /> },
    { label: 'Protocol', value: edge.protocol.toUpperCase() },
    ...(edge.protocol === 'tcp' ? tcpStats(edge) : requestStats(edge)),
    { label: 'mTLS', value: <MtlsValue mtls={edge.mtls} /> },
  ];
  return (
    <>
      <StatList stats={stats} />
      <TracesLink source={source} target={target} window={window} />
      <MetricsCharts
        title="Over the window"
        window={window}
        refetchInterval={refetchInterval}
        target={{
          kind: 'edge',
          type,
          namespace: traceNamespace(source, target),
          source: source.id,
          target: target.id,
          protocol: edge.protocol,
        }}
      />
    </>
  );
}
