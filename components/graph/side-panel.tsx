'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import type { GraphType, MeshGraph, Window } from '@/lib/mesh/types';
import { displayName } from './display-name';
import { EdgeDetails } from './edge-details';
import { NodeDetails } from './node-details';
import { PanelFrame } from './panel-frame';

export interface SidePanelProps {
  readonly graph: MeshGraph;
  readonly type: GraphType;
  readonly selected: string;
  readonly window: Window;
  readonly refetchInterval: number | false;
  readonly onClose: () => void;
}

/** Details of the selected node or edge; Escape (handled by the view) or the button closes it. */
export function SidePanel(props: SidePanelProps): ReactNode {
  const { graph, type, selected, window, refetchInterval, onClose } = props;
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
          refetchInterval={refetchInterval}
        />
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
