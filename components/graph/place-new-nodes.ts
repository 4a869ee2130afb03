export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Spacing {
  /** Horizontal distance between ranks (left-to-right layout). */
  readonly rank: number;
  /** Vertical distance between nodes of one rank. */
  readonly sep: number;
}

interface Link {
  readonly source: string;
  readonly target: string;
}

function average(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Positions for nodes that arrived in a refresh, without moving any existing node: right of their
 * callers, else left of their callees, else in a row under the graph; then nudged down until free.
 */
export function placeNewNodes(
  newIds: readonly string[],
  links: readonly Link[],
  existing: ReadonlyMap<string, Point>,
  spacing: Spacing,
): Map<string, Point> {
  const placed = new Map<string, Point>(existing);
  const out = new Map<string, Point>();
  const isFree = (p: Point): boolean => {
    for (const q of placed.values())
      if (Math.abs(q.x - p.x) < spacing.rank / 2 && Math.abs(q.y - p.y) < spacing.sep * 0.9)
        return false;
    return true;
  };
  const put = (id: string, start: Point, step: Point): void => {
    let p = start;
    while (!isFree(p)) p = { x: p.x + step.x, y: p.y + step.y };
    placed.set(id, p);
    out.set(id, p);
  };
  let pending = [...newIds];
  let progress = true;
  while (pending.length > 0 && progress) {
    progress = false;
    const later: string[] = [];
    for (const id of pending) {
      const callers = links.flatMap((l) => (l.target === id ? [placed.get(l.source)] : []));
      const callees = links.flatMap((l) => (l.source === id ? [placed.get(l.target)] : []));
      const from = callers.filter((p): p is Point => p !== undefined);
      const to = callees.filter((p): p is Point => p !== undefined);
      if (from.length > 0) {
        const x = Math.max(...from.map((p) => p.x)) + spacing.rank;
        put(id, { x, y: average(from.map((p) => p.y)) }, { x: 0, y: spacing.sep });
      } else if (to.length > 0) {
        const x = Math.min(...to.map((p) => p.x)) - spacing.rank;
        put(id, { x, y: average(to.map((p) => p.y)) }, { x: 0, y: spacing.sep });
      } else {
        later.push(id);
        continue;
      }
      progress = true;
    }
    pending = later;
  }
  const all = [...placed.values()];
  const left = all.length > 0 ? Math.min(...all.map((p) => p.x)) : 0;
  const bottom = all.length > 0 ? Math.max(...all.map((p) => p.y)) : 0;
  for (const id of pending)
    put(id, { x: left, y: bottom + spacing.sep * 1.5 }, { x: spacing.rank, y: 0 });
  return out;
}
