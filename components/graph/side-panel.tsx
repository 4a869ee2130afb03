'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import type { SecurityResponse } from '@/lib/api/security';
import type { GraphType, MeshGraph, Window } from '@/lib/mesh/types';
import { verdictsOfEdge } from './authz-overlay';
import { displayName } from './display-name';
import { EdgeAuthorization } from './edge-authz';
import { EdgeDetails } from './edge-details';
import { NodeDetails } from './node-details';
import { PanelFrame } from './panel-frame';
import { WorkloadPolicies } from './workload-policies';

export interface SidePanelProps {
  readonly graph: MeshGraph;
  readonly type: GraphType;
  readonly selected: string;
  readonly window: Window;
  /** The past moment the view ends at (epoch ms); undefined when live. */
  readonly end?: number | undefined;
  readonly refetchInterval: number | false;
  readonly onClose: () => void;
  /** GET /api/security for the graph's namespaces, once it has answered. */
  readonly security?: SecurityResponse | undefined;
}

/** Details of the selected node or edge; Escape (handled by the view) or the button closes it. */
export function SidePanel(props: SidePanelProps): ReactNode {
  const { graph, type, selected, window, end, refetchInterval, onClose, security } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const node = graph.nodes.find((n) => n.id === selected);
  const edge = node ? undefined : graph.edges.find((e) => e.id === selected);
  const source = edge && graph.nodes.find((n) => n.id === edge.source);
  const target = edge && graph.nodes.find((n) => n.id === edge.target);
  const title = node
    ? displayName(node)
    : edge
      ? `${source ? displayName(source) : edge.source} → ${target ? displayName(target) : edge.target}`
      : 'Not in the graph';

  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <PanelFrame
      title={title}
      titleClassName="text-base font-semibold break-all"
      titleRef={headingRef}
      onClose={onClose}
    >
      {node ? (
        <NodeDetails
          graph={graph}
          type={type}
          node={node}
          window={window}
          end={end}
          refetchInterval={refetchInterval}
        />
      ) : null}
      {edge && source && target ? (
        <EdgeDetails
          type={type}
          edge={edge}
          source={source}
          target={target}
          window={window}
          end={end}
          refetchInterval={refetchInterval}
        />
      ) : null}
      {security && node?.kind === 'workload' ? (
        <WorkloadPolicies
          workload={security.workloads.find(
            (w) => w.namespace === node.namespace && w.name === node.name,
          )}
          inbound={security.edges.filter((v) => v.targetId === node.id)}
        />
      ) : null}
      {security && edge && type === 'workload' ? (
        <EdgeAuthorization verdicts={verdictsOfEdge(edge, security.edges)} />
      ) : null}
      {!node && !edge ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {selected} is not in the current graph: it had no traffic in the window, or the namespace
          or graph type changed.
        </p>
      ) : null}
    </PanelFrame>
  );
}
