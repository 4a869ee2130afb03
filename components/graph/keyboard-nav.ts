import type { Point } from './place-new-nodes';

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

interface Candidate {
  readonly id: string;
  readonly p: Point;
}

/**
 * The node an arrow key moves to: the nearest one in that direction, where straying off the axis
 * costs twice as much as going along it, so "right" follows the request flow rather than jumping rows.
 */
export function nearestInDirection(
  from: Point,
  candidates: readonly Candidate[],
  direction: Direction,
): string | null {
  let best: string | null = null;
  let bestCost = Infinity;
  for (const c of candidates) {
    const dx = c.p.x - from.x;
    const dy = c.p.y - from.y;
    const along = { left: -dx, right: dx, up: -dy, down: dy }[direction];
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0) continue;
    const cost = along + 2 * across;
    if (cost < bestCost) {
      bestCost = cost;
      best = c.id;
    }
  }
  return best;
}
