import { buildSpanTree, type SpanNode } from './span-tree';
import type { SkewAdjustment, Span, Trace } from './types';

interface Skew {
  readonly hostKey: string;
  readonly deltaUs: number;
}

/** Which clock a span was timed by: the process host, else the Envoy proxy (node_id) that made it. */
function hostKey(span: Span): string {
  const t = span.process.tags;
  const key = t.ip ?? t.hostname ?? t['host.name'] ?? span.tags.node_id ?? '';
  return String(key);
}

/**
 * Jaeger's clock-skew rule (jaeger `model/adjuster/clockskew.go`): a child that does not fit in its
 * parent is moved so the parent's spare time is split evenly before and after it (network latency
 * assumed symmetric). A child longer than its parent cannot be explained by skew and stays put.
 */
function skewOf(child: Span, parent: Span): number {
  if (child.durationUs > parent.durationUs) return 0;
  const childEnd = child.startUs + child.durationUs;
  const parentEnd = parent.startUs + parent.durationUs;
  if (child.startUs >= parent.startUs && childEnd <= parentEnd) return 0;
  const latency = (parent.durationUs - child.durationUs) / 2;
  return Math.round(parent.startUs + latency - child.startUs);
}

function shifted(span: Span, deltaUs: number): Span {
  if (deltaUs === 0) return span;
  return {
    ...span,
    startUs: span.startUs + deltaUs,
    logs: span.logs.map((l) => ({ ...l, timestampUs: l.timestampUs + deltaUs })),
  };
}

export interface SkewAdjusted {
  readonly trace: Trace;
  readonly adjustments: readonly SkewAdjustment[];
}

/**
 * Moves spans whose host clock disagrees with their caller's, as Jaeger does before showing a trace:
 * a span on another host than its parent that starts before it or ends after it is shifted into it,
 * and the shift carries to the spans of that same host below it. FOLLOWS_FROM children may outlive
 * their parent by design and are never shifted on their own account.
 */
export function adjustClockSkew(trace: Trace): SkewAdjusted {
  const tree = buildSpanTree(trace);
  const out: Span[] = [...trace.spans];
  const adjustments: SkewAdjustment[] = [];
  const stack: { node: SpanNode; parent: Span | undefined; skew: Skew }[] = [];
  for (let i = tree.roots.length - 1; i >= 0; i--) {
    const root = tree.roots[i]!;
    stack.push({
      node: root,
      parent: undefined,
      skew: { hostKey: hostKey(root.span), deltaUs: 0 },
    });
  }
  while (stack.length > 0) {
    const { node, parent, skew: inherited } = stack.pop()!;
    const key = hostKey(node.span);
    let skew = inherited;
    if (parent && (key !== inherited.hostKey || key === '')) {
      skew = { hostKey: key, deltaUs: node.span.followsFrom ? 0 : skewOf(node.span, parent) };
    }
    const span = shifted(node.span, skew.deltaUs);
    out[node.index] = span;
    if (skew.deltaUs !== 0) adjustments.push({ spanId: span.spanId, deltaUs: skew.deltaUs });
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i]!, parent: span, skew });
  }
  return adjustments.length === 0
    ? { trace, adjustments }
    : { trace: { ...trace, spans: out.sort((a, b) => a.startUs - b.startUs) }, adjustments };
}
