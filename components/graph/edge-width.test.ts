import { describe, expect, it } from 'vitest';
import { edgeWidth, MAX_EDGE_WIDTH, MIN_EDGE_WIDTH } from './edge-width';

describe('edgeWidth', () => {
  it('is the minimum for no traffic and bounded for a flood', () => {
    expect(edgeWidth(0)).toBe(MIN_EDGE_WIDTH);
    expect(edgeWidth(Number.NaN)).toBe(MIN_EDGE_WIDTH);
    expect(edgeWidth(1e9)).toBe(MAX_EDGE_WIDTH);
  });

  it('grows by a step per order of magnitude', () => {
    const widths = [0.1, 1, 10, 100, 1000].map(edgeWidth);
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1] ?? 0);
    expect((widths[4] ?? 0) - (widths[3] ?? 0)).toBeCloseTo(1.5, 0);
  });
});
