import { rootSpan } from './summarize-trace';
import type { CriticalSection, Span, Trace } from './types';

interface Bounded {
  readonly span: Span;
  readonly startUs: number;
  readonly endUs: number;
  readonly parent: Bounded | undefined;
  /** By end time, latest first. */
  readonly children: Bounded[];
}

/**
 * The CHILD_OF tree under `root`, each child clipped to its parent's (clipped) interval and dropped
 * when wholly outside it, as Jaeger UI prepares a trace for its critical path
 * (`TraceCriticalPath/utils/sanitizeOverFlowingChildren.tsx`). FOLLOWS_FROM spans are left out: the
 * parent does not wait for them.
 */
function clippedTree(trace: Trace, root: Span): Bounded {
  const childrenOf = new Map<string, Span[]>();
  for (const s of trace.spans) {
    if (s.parentId === undefined || s.followsFrom) continue;
    const list = childrenOf.get(s.parentId) ?? [];
    list.push(s);
    childrenOf.set(s.parentId, list);
  }
  const top: Bounded = {
    span: root,
    startUs: root.startUs,
    endUs: root.startUs + root.durationUs,
    parent: undefined,
    children: [],
  };
  const seen = new Set<string>([root.spanId]);
  const queue: Bounded[] = [top];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    for (const child of childrenOf.get(node.span.spanId) ?? []) {
      if (seen.has(child.spanId)) continue;
      seen.add(child.spanId);
      const startUs = Math.max(child.startUs, node.startUs);
      const endUs = Math.min(child.startUs + child.durationUs, node.endUs);
      if (endUs < startUs || child.startUs > node.endUs) continue;
      const b: Bounded = { span: child, startUs, endUs, parent: node, children: [] };
      node.children.push(b);
      queue.push(b);
    }
    node.children.sort((a, b) => b.endUs - a.endUs);
  }
  return top;
}

/**
 * The chain of span sections that determines how long the trace took, by Jaeger UI's algorithm
 * (`TraceCriticalPath/index.tsx`): from the root's end, step into the last child to finish, take the
 * time after it as the parent's own, and when a span has no child left that finished before the
 * point we came back from, its remaining time is critical and the walk climbs to its parent.
 * Sections come latest first; empty ones are skipped.
 */
export function criticalPath(trace: Trace): CriticalSection[] {
  const root = rootSpan(trace);
  if (!root) return [];
  const path: CriticalSection[] = [];
  const push = (span: Span, startUs: number, endUs: number): void => {
    if (endUs > startUs) path.push({ spanId: span.spanId, startUs, endUs });
  };
  let current: Bounded | undefined = clippedTree(trace, root);
  let returningAt: number | undefined;
  // Every step moves strictly back in time, so this bound is only a guard against bad input.
  for (let guard = 0; current && guard < 4 * trace.spans.length + 4; guard++) {
    const at: number | undefined = returningAt;
    const lastChild: Bounded | undefined =
      at === undefined ? current.children[0] : current.children.find((c) => c.endUs < at);
    const sectionEnd = at ?? current.endUs;
    if (lastChild) {
      push(current.span, lastChild.endUs, sectionEnd);
      current = lastChild;
      returningAt = undefined;
    } else {
      push(current.span, current.startUs, sectionEnd);
      returningAt = current.startUs;
      current = current.parent;
    }
  }
  return path;
}
