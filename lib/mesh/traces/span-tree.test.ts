import { describe, expect, it } from 'vitest';
import { buildSpanTree, visibleNodes } from './span-tree';
import { span, trace } from './testing';

describe('buildSpanTree', () => {
  it('nests children under parents in start order', () => {
    const tree = buildSpanTree(
      trace([
        span('a', { startUs: 0, durationUs: 100 }),
        span('c', { parentId: 'a', startUs: 50 }),
        span('b', { parentId: 'a', startUs: 10 }),
        span('d', { parentId: 'b', startUs: 12 }),
      ]),
    );
    expect(tree.nodes.map((n) => [n.span.spanId, n.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['d', 2],
      ['c', 1],
    ]);
    expect(tree.orphans.size).toBe(0);
  });

  it('keeps a span whose parent is missing as an orphan root after the real root', () => {
    const t = trace([
      span('a', { startUs: 5, durationUs: 100 }),
      span('lost', { parentId: 'gone', startUs: 0 }),
      span('kid', { parentId: 'lost', startUs: 1 }),
    ]);
    const tree = buildSpanTree(t);
    expect(tree.roots.map((r) => r.span.spanId)).toEqual(['a', 'lost']);
    expect(tree.nodes.map((n) => n.span.spanId)).toEqual(['a', 'lost', 'kid']);
    expect([...tree.orphans].map((i) => t.spans[i]?.spanId)).toEqual(['lost']);
  });

  it('breaks a parent cycle and a self-parent so every span appears once', () => {
    const t = trace([
      span('x', { parentId: 'y', startUs: 0 }),
      span('y', { parentId: 'x', startUs: 1 }),
      span('z', { parentId: 'z', startUs: 2 }),
    ]);
    const tree = buildSpanTree(t);
    expect(tree.nodes.map((n) => n.span.spanId).sort()).toEqual(['x', 'y', 'z']);
    expect(tree.roots.map((r) => r.span.spanId)).toEqual(['z', 'x']);
  });

  it('shows spans that reuse an id', () => {
    const t = trace([span('a', { startUs: 0 }), span('a', { startUs: 1 })]);
    expect(buildSpanTree(t).nodes.map((n) => n.index)).toEqual([0, 1]);
  });
});

describe('visibleNodes', () => {
  it('hides the descendants of collapsed spans only', () => {
    const t = trace([
      span('a', { startUs: 0, durationUs: 100 }),
      span('b', { parentId: 'a', startUs: 1 }),
      span('c', { parentId: 'b', startUs: 2 }),
      span('d', { parentId: 'a', startUs: 3 }),
    ]);
    const tree = buildSpanTree(t);
    const b = tree.nodes.find((n) => n.span.spanId === 'b')!;
    expect(visibleNodes(tree, new Set([b.index])).map((n) => n.span.spanId)).toEqual([
      'a',
      'b',
      'd',
    ]);
    expect(visibleNodes(tree, new Set([0])).map((n) => n.span.spanId)).toEqual(['a']);
  });
});
