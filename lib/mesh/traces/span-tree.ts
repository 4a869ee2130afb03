import type { Span, Trace } from './types';

export interface SpanNode {
  readonly span: Span;
  /** Position in `trace.spans`; unique even when a tracer reused a span id. */
  readonly index: number;
  readonly depth: number;
  readonly children: readonly SpanNode[];
}

export interface SpanTree {
  /** The true roots first, then orphans; each group in start order. */
  readonly roots: readonly SpanNode[];
  /** Nodes in depth-first display order. */
  readonly nodes: readonly SpanNode[];
  /** Spans whose parent is not in the trace (dropped by sampling, a late batch, a cycle). */
  readonly orphans: ReadonlySet<number>;
}

interface Draft {
  readonly index: number;
  readonly span: Span;
  readonly children: Draft[];
}

const byStart = (a: Draft, b: Draft): number =>
  a.span.startUs - b.span.startUs || a.index - b.index;

/**
 * The parent/child tree of a trace. A span whose parent is missing becomes a root of its own (an
 * orphan) rather than vanishing, and reference cycles are broken there too, so every span of the
 * trace appears exactly once. Iterative, so a deep 5,000-span trace cannot overflow the stack.
 */
export function buildSpanTree(trace: Trace): SpanTree {
  const drafts: Draft[] = trace.spans.map((span, index) => ({ index, span, children: [] }));
  const firstById = new Map<string, Draft>();
  for (const d of drafts) if (!firstById.has(d.span.spanId)) firstById.set(d.span.spanId, d);

  const trueRoots: Draft[] = [];
  const orphans = new Set<number>();
  for (const d of drafts) {
    const parent = d.span.parentId === undefined ? undefined : firstById.get(d.span.parentId);
    if (parent && parent !== d) parent.children.push(d);
    else if (d.span.parentId === undefined) trueRoots.push(d);
    else orphans.add(d.index);
  }
  for (const d of drafts) d.children.sort(byStart);

  const nodes: SpanNode[] = [];
  const roots: SpanNode[] = [];
  const seen = new Set<number>();
  const walk = (root: Draft): void => {
    const stack: { draft: Draft; depth: number; into: SpanNode[] }[] = [
      { draft: root, depth: 0, into: roots },
    ];
    while (stack.length > 0) {
      const { draft, depth, into } = stack.pop()!;
      if (seen.has(draft.index)) continue;
      seen.add(draft.index);
      const children: SpanNode[] = [];
      const node: SpanNode = { span: draft.span, index: draft.index, depth, children };
      into.push(node);
      nodes.push(node);
      for (let i = draft.children.length - 1; i >= 0; i--)
        stack.push({ draft: draft.children[i]!, depth: depth + 1, into: children });
    }
  };
  const orphanDrafts = drafts.filter((d) => orphans.has(d.index));
  for (const r of [...trueRoots.sort(byStart), ...orphanDrafts.sort(byStart)]) walk(r);
  // What is still unseen hangs in a parent cycle: its first span becomes an orphan root.
  for (const d of drafts) {
    if (seen.has(d.index)) continue;
    orphans.add(d.index);
    walk(d);
  }
  return { roots, nodes, orphans };
}

/**
 * The rows a waterfall shows: depth-first, skipping the descendants of collapsed spans (by index).
 */
export function visibleNodes(tree: SpanTree, collapsed: ReadonlySet<number>): SpanNode[] {
  if (collapsed.size === 0) return [...tree.nodes];
  const out: SpanNode[] = [];
  let hideBelow = Infinity;
  for (const n of tree.nodes) {
    if (n.depth > hideBelow) continue;
    hideBelow = collapsed.has(n.index) ? n.depth : Infinity;
    out.push(n);
  }
  return out;
}
