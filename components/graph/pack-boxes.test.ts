import { describe, expect, it } from 'vitest';
import { packBoxes } from './pack-boxes';

describe('packBoxes', () => {
  it('fills rows left to right and starts a new row below the tallest box', () => {
    const boxes = ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      width: 100,
      height: id === 'b' ? 80 : 50,
    }));
    const at = packBoxes(boxes, 10);
    expect(at.get('a')).toEqual({ x: 0, y: 0 });
    expect(at.get('b')).toEqual({ x: 110, y: 0 });
    expect(at.get('c')).toEqual({ x: 0, y: 90 });
    expect(at.get('d')).toEqual({ x: 110, y: 90 });
  });

  it('never overlaps two boxes', () => {
    const boxes = Array.from({ length: 12 }, (_, i) => ({
      id: String(i),
      width: 50 + ((i * 37) % 90),
      height: 40 + ((i * 53) % 70),
    }));
    const at = packBoxes(boxes, 8);
    const rects = boxes.map((b) => ({ ...b, ...at.get(b.id)! }));
    for (const r of rects)
      for (const s of rects) {
        if (r === s) continue;
        const apart =
          r.x + r.width <= s.x ||
          s.x + s.width <= r.x ||
          r.y + r.height <= s.y ||
          s.y + s.height <= r.y;
        expect(apart).toBe(true);
      }
  });

  it('puts one box too wide for a row on a row of its own', () => {
    const at = packBoxes(
      [
        { id: 'wide', width: 1000, height: 10 },
        { id: 'small', width: 10, height: 10 },
      ],
      0,
      0.01,
    );
    expect(at.get('wide')).toEqual({ x: 0, y: 0 });
    expect(at.get('small')).toEqual({ x: 0, y: 10 });
  });
});
