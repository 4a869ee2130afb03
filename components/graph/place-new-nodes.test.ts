import { describe, expect, it } from 'vitest';
import { placeNewNodes } from './place-new-nodes';

const SPACING = { rank: 150, sep: 60 };

describe('placeNewNodes', () => {
  const existing = new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 150, y: 0 }],
  ]);

  it('puts a new callee right of its caller, below whatever is already there', () => {
    const out = placeNewNodes(['c'], [{ source: 'a', target: 'c' }], existing, SPACING);
    expect(out.get('c')).toEqual({ x: 150, y: 60 });
  });

  it('puts a new caller left of its callee', () => {
    const out = placeNewNodes(['z'], [{ source: 'z', target: 'a' }], existing, SPACING);
    expect(out.get('z')).toEqual({ x: -150, y: 0 });
  });

  it('chains through other new nodes and rows up the unconnected ones under the graph', () => {
    const out = placeNewNodes(
      ['d', 'c', 'lone'],
      [
        { source: 'a', target: 'c' },
        { source: 'c', target: 'd' },
      ],
      existing,
      SPACING,
    );
    expect(out.get('c')).toEqual({ x: 150, y: 60 });
    expect(out.get('d')).toEqual({ x: 300, y: 60 });
    expect(out.get('lone')).toEqual({ x: 0, y: 150 });
    expect(out.has('a')).toBe(false);
  });
});
