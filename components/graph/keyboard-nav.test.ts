import { describe, expect, it } from 'vitest';
import { nearestInDirection } from './keyboard-nav';

const nodes = [
  { id: 'right-near', p: { x: 100, y: 10 } },
  { id: 'right-far-aligned', p: { x: 200, y: 0 } },
  { id: 'below', p: { x: 0, y: 80 } },
  { id: 'left', p: { x: -150, y: 0 } },
];

describe('nearestInDirection', () => {
  it('prefers nodes along the axis of the arrow', () => {
    expect(nearestInDirection({ x: 0, y: 0 }, nodes, 'right')).toBe('right-near');
    expect(nearestInDirection({ x: 0, y: 0 }, nodes, 'down')).toBe('below');
    expect(nearestInDirection({ x: 0, y: 0 }, nodes, 'left')).toBe('left');
  });

  it('returns null when nothing lies that way', () => {
    expect(nearestInDirection({ x: 0, y: 0 }, nodes, 'up')).toBeNull();
  });
});
