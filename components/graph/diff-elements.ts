import type { ElementDefinition } from 'cytoscape';

/** Where an element sits in the graph's structure: a node's parent box, an edge's endpoints. */
export function structureKey(def: ElementDefinition): string {
  const d = def.data;
  if ('source' in d) return `edge:${String(d.source)}>${String(d.target)}`;
  return `node:${d.parent ?? ''}`;
}

export interface ElementDiff {
  /** Elements to add, parents before children (the order of `next`). */
  readonly added: readonly ElementDefinition[];
  /** Ids to remove: gone, or moved to another parent (cytoscape cannot re-parent in a batch cheaply). */
  readonly removed: readonly string[];
  /** Elements whose structure is unchanged: only their data is rewritten, their position kept. */
  readonly updated: readonly ElementDefinition[];
  /** Ids of added nodes that are not boxes, i.e. that need a position. */
  readonly addedNodeIds: readonly string[];
  /** Nodes that are not boxes in `next`. */
  readonly leafCount: number;
}

/**
 * What a refresh changes, so the canvas can rewrite data in place and lay out only what is new.
 * `current` maps each element id on the canvas to its structureKey.
 */
export function diffElements(
  current: ReadonlyMap<string, string>,
  next: readonly ElementDefinition[],
): ElementDiff {
  const added: ElementDefinition[] = [];
  const updated: ElementDefinition[] = [];
  const removed: string[] = [];
  const addedNodeIds: string[] = [];
  let leafCount = 0;
  const nextIds = new Set<string>();
  const boxIds = new Set<string>();
  for (const def of next) {
    const parent = def.data.parent;
    if (typeof parent === 'string') boxIds.add(parent);
  }
  for (const def of next) {
    const id = def.data.id;
    if (id === undefined) continue;
    nextIds.add(id);
    const isLeaf = !('source' in def.data) && !boxIds.has(id);
    if (isLeaf) leafCount++;
    const key = current.get(id);
    if (key === structureKey(def)) {
      updated.push(def);
      continue;
    }
    if (key !== undefined) removed.push(id);
    added.push(def);
    if (isLeaf) addedNodeIds.push(id);
  }
  for (const id of current.keys()) if (!nextIds.has(id)) removed.push(id);
  return { added, removed, updated, addedNodeIds, leafCount };
}

/**
 * A full layout reads better than patching when most of the picture is new (another graph type, other
 * namespaces); a few arrivals are placed beside their neighbours instead, so nothing else moves.
 */
export function needsFullLayout(diff: ElementDiff): boolean {
  return diff.addedNodeIds.length > Math.max(2, diff.leafCount / 2);
}
