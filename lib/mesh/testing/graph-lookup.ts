import type { MeshEdge, MeshGraph, MeshNode } from '../types';

/** Test helpers: find a node or edge of a built graph, failing with what the graph does have. */
export function node(g: MeshGraph, id: string): MeshNode {
  const n = g.nodes.find((x) => x.id === id);
  if (n === undefined) throw new Error(`no node ${id} in ${g.nodes.map((x) => x.id).join(', ')}`);
  return n;
}

export function edge(g: MeshGraph, source: string, target: string, protocol = 'http'): MeshEdge {
  const e = g.edges.find(
    (x) => x.source === source && x.target === target && x.protocol === protocol,
  );
  if (e === undefined) throw new Error(`no ${protocol} edge ${source} → ${target}`);
  return e;
}

export const pairs = (g: MeshGraph): string[] =>
  g.edges.map((e) => `${e.source} → ${e.target} (${e.protocol})`);
