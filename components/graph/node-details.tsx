'use client';

import type { ReactNode } from 'react';
import { formatPercent, formatRps } from '@/components/ui/format';
import { HealthBadge } from '@/components/ui/health-badge';
import { TracesLink } from '@/components/ui/traces-link';
import type { MetricsTarget } from '@/lib/client/query-keys';
import { UNKNOWN_SOURCE_ID } from '@/lib/mesh/graph/node-ids';
import type { GraphType, MeshGraph, MeshNode, Window } from '@/lib/mesh/types';
import { MetricsCharts } from './metrics-charts';
import { NodeTrafficSplit } from './node-traffic-split';
import { splitServiceOf } from './split-service';
import { StatList, type Stat } from './stat-list';
import { nodeTraceScope } from './trace-scope';
import { nodeWorkload, WorkloadSecurity } from './workload-security';

export interface NodeDetailsProps {
  readonly graph: MeshGraph;
  readonly type: GraphType;
  readonly node: MeshNode;
  readonly window: Window;
  readonly end?: number | undefined;
  readonly refetchInterval: number | false;
}

const DATA_PLANE_TEXT: Readonly<Record<NonNullable<MeshNode['dataPlane']>, string>> = {
  sidecar: 'Sidecar',
  ambient: 'Ambient (ztunnel)',
  none: 'None: not captured',
};

function dataPlaneStats(node: MeshNode): Stat[] {
  if (node.isWaypoint === true)
    return [{ label: 'Data plane', value: 'Waypoint proxy (L7)', testId: 'node-data-plane' }];
  if (node.dataPlane === undefined) return [];
  const mode = DATA_PLANE_TEXT[node.dataPlane];
  const waypoint = node.waypoint;
  return [
    {
      label: 'Data plane',
      value: waypoint !== undefined && node.dataPlane === 'ambient' ? `${mode} + waypoint` : mode,
      testId: 'node-data-plane',
    },
    ...(waypoint !== undefined
      ? [
          {
            label: 'Waypoint',
            value: `${waypoint.namespace}/${waypoint.name}`,
            testId: 'node-waypoint',
          },
        ]
      : []),
  ];
}

function sidecarText(node: MeshNode): string {
  if (node.hasSidecar === undefined) return '—';
  return node.hasSidecar ? 'Injected' : 'None: plaintext, seen only by its peers';
}

/** The unknown caller (traffic from outside the mesh) only ever calls: it has no inbound series. */
function metricsTarget(graph: MeshGraph, type: GraphType, node: MeshNode): MetricsTarget | null {
  if (node.id === UNKNOWN_SOURCE_ID) return null;
  const inbound = graph.edges.filter((e) => e.target === node.id);
  const tcpOnly = inbound.length > 0 && inbound.every((e) => e.protocol === 'tcp');
  return { kind: 'node', type, node: node.id, ...(tcpOnly ? { protocol: 'tcp' } : {}) };
}

export function NodeDetails({
  graph,
  type,
  node,
  window,
  end,
  refetchInterval,
}: NodeDetailsProps): ReactNode {
  const clientErrors = graph.edges
    .filter((e) => e.target === node.id && e.protocol !== 'tcp')
    .reduce((sum, e) => sum + (e.rps ?? 0) * (e.clientErrorRate ?? 0), 0);
  const stats: Stat[] = [
    { label: 'Health', value: <HealthBadge health={node.health} /> },
    { label: 'Kind', value: node.isBox ? 'app (all versions)' : node.kind },
    { label: 'Inbound requests/s', value: formatRps(node.rps) },
    { label: 'Errors (5xx, gRPC)', value: node.rps > 0 ? formatPercent(node.errorRate) : '—' },
    { label: '4xx', value: node.rps > 0 ? formatPercent(clientErrors / node.rps) : '—' },
    {
      label: 'Namespace',
      value: node.outside ? `${node.namespace} (outside selection)` : node.namespace,
    },
    ...(node.cluster !== undefined ? [{ label: 'Cluster', value: node.cluster }] : []),
    ...(node.app !== undefined ? [{ label: 'App', value: node.app }] : []),
    ...(node.version !== undefined ? [{ label: 'Version', value: node.version }] : []),
    ...(node.workload !== undefined ? [{ label: 'Workload', value: node.workload }] : []),
    ...dataPlaneStats(node),
    ...((node.kind === 'workload' || node.kind === 'app') && node.dataPlane !== 'ambient'
      ? [{ label: 'Sidecar', value: sidecarText(node) }]
      : []),
  ];
  const target = metricsTarget(graph, type, node);
  const traceScope = nodeTraceScope(node);
  const splitService = node.namespace !== 'unknown' ? splitServiceOf(node) : undefined;
  const workload = nodeWorkload(node);
  return (
    <>
      <StatList stats={stats} />
      {traceScope ? (
        <TracesLink scope={traceScope} window={window} end={end}>
          Traces into {traceScope.target} over the last {window} →
        </TracesLink>
      ) : null}
      {workload !== undefined ? (
        <WorkloadSecurity key={node.id} node={node} workload={workload} window={window} />
      ) : null}
      {splitService !== undefined ? (
        <NodeTrafficSplit
          key={node.id}
          namespace={node.namespace}
          service={splitService}
          end={end}
        />
      ) : null}
      {target ? (
        <MetricsCharts
          target={target}
          window={window}
          end={end}
          refetchInterval={refetchInterval}
          title="Inbound traffic"
        />
      ) : (
        <p className="text-xs text-slate-500">
          Traffic from outside the mesh has no inbound series.
        </p>
      )}
    </>
  );
}
