import type { MeshEdge, MeshGraph, MeshNode, Protocol } from '../types';
import { edgeId } from './aggregate';

/**
 * What a person is shown of the mesh beyond the namespaces they may see: one opaque node for all of
 * it, so the graph still says "traffic leaves to / comes from somewhere you may not see" without
 * saying where, how much, or how healthy that place is.
 */
export const RESTRICTED_NODE_ID = 'restricted';

export interface RestrictedNode {
  readonly id: typeof RESTRICTED_NODE_ID;
  readonly kind: 'restricted';
  readonly label: 'Restricted';
}

/** An edge to or from the restricted node: which visible node talks to it, by which protocol, and nothing else. */
export interface RestrictedEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly protocol: Protocol;
  readonly restricted: true;
}

export type GraphNode = MeshNode | RestrictedNode;
export type GraphEdge = MeshEdge | RestrictedEdge;

/** A MeshGraph as one person may see it. */
export interface VisibleGraph extends Omit<MeshGraph, 'nodes' | 'edges'> {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export const RESTRICTED_NODE: RestrictedNode = {
  id: RESTRICTED_NODE_ID,
  kind: 'restricted',
  label: 'Restricted',
};

/**
 * Whether a node belongs to a namespace. Unknown peers (namespace "unknown") and external hosts are
 * not in any namespace: they say nothing about a namespace the person may not see, so they stay.
 */
function hidden(node: MeshNode, visible: ReadonlySet<string>): boolean {
  if (node.kind === 'external' || node.namespace === 'unknown') return false;
  return !visible.has(node.namespace);
}

/**
 * The graph with every node of an invisible namespace folded into {@link RESTRICTED_NODE}. Edges
 * between a visible node and the restricted one are merged per (source, target, protocol) and carry
 * no rate, error share, latency or mTLS share: those numbers are the hidden services' own load and
 * health (an edge's errors are, by and large, the callee's), and a count of merged edges would tell
 * how many services hide there. Edges with both ends hidden are dropped: they say nothing the person
 * may know. Pure; the graph built for everyone stays shared and is filtered per person.
 */
export function restrictGraph(graph: MeshGraph, visible: ReadonlySet<string>): VisibleGraph {
  const hiddenIds = new Set<string>();
  const nodes: GraphNode[] = [];
  for (const node of graph.nodes) {
    if (hidden(node, visible)) hiddenIds.add(node.id);
    else nodes.push(node);
  }
  if (hiddenIds.size === 0) return graph;
  const edges: GraphEdge[] = [];
  const merged = new Map<string, RestrictedEdge>();
  for (const edge of graph.edges) {
    const sourceHidden = hiddenIds.has(edge.source);
    const targetHidden = hiddenIds.has(edge.target);
    if (sourceHidden && targetHidden) continue;
    if (!sourceHidden && !targetHidden) {
      edges.push(edge);
      continue;
    }
    const source = sourceHidden ? RESTRICTED_NODE_ID : edge.source;
    const target = targetHidden ? RESTRICTED_NODE_ID : edge.target;
    const id = edgeId(source, target, edge.protocol);
    if (!merged.has(id))
      merged.set(id, { id, source, target, protocol: edge.protocol, restricted: true });
  }
  const restrictedEdges = [...merged.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  // The node only when something visible talks to it: a lone grey box would say nothing.
  if (restrictedEdges.length > 0) nodes.push(RESTRICTED_NODE);
  return { ...graph, nodes, edges: [...edges, ...restrictedEdges] };
}
