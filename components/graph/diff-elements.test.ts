import { describe, expect, it } from 'vitest';
import { diffElements, needsFullLayout, structureKey } from './diff-elements';
import { testGraph, testNode } from './graph-fixture';
import { toElements } from './to-elements';

const structureOf = (defs: ReturnType<typeof toElements>): Map<string, string> =>
  new Map(defs.map((d) => [d.data.id ?? '', structureKey(d)]));

describe('diffElements', () => {
  it('turns a pure data refresh into updates only', () => {
    const before = toElements(testGraph());
    const diff = diffElements(structureOf(before), toElements(testGraph([], 99)));
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.updated).toHaveLength(before.length);
    expect(needsFullLayout(diff)).toBe(false);
  });

  it('adds arrivals (with their box) and removes departures', () => {
    const before = toElements(testGraph([testNode('wl:bookinfo:ratings-v1')]));
    const after = toElements(testGraph([testNode('wl:cart:cart-v1')]));
    const diff = diffElements(structureOf(before), after);
    expect(diff.added.map((d) => d.data.id)).toEqual(['ns:cart', 'wl:cart:cart-v1']);
    expect(diff.addedNodeIds).toEqual(['wl:cart:cart-v1']);
    expect(diff.removed).toEqual(['wl:bookinfo:ratings-v1']);
  });

  it('re-adds a node that moved to another box', () => {
    const current = new Map([['wl:bookinfo:reviews-v1', 'node:app:bookinfo:reviews']]);
    const diff = diffElements(current, [
      { data: { id: 'wl:bookinfo:reviews-v1', parent: 'ns:bookinfo' } },
    ]);
    expect(diff.removed).toEqual(['wl:bookinfo:reviews-v1']);
    expect(diff.addedNodeIds).toEqual(['wl:bookinfo:reviews-v1']);
  });

  it('asks for a full layout when most of the picture is new', () => {
    const diff = diffElements(new Map(), toElements(testGraph()));
    expect(needsFullLayout(diff)).toBe(true);
  });
});
