import { buildSpanTree, type SpanNode } from './span-tree';
import type { Trace } from './types';

export interface ServiceSelfTime {
  readonly service: string;
  readonly spanCount: number;
  /** Time in this service's spans not covered by any of their children, in µs. */
  readonly selfTimeUs: number;
  readonly errorCount: number;
}

/** A span's duration minus the union of its children's intervals (clipped to the span). */
function selfTimeOf(node: SpanNode): number {
  const start = node.span.startUs;
  const end = start + node.span.durationUs;
  const intervals: [number, number][] = [];
  for (const c of node.children) {
    const s = Math.max(start, c.span.startUs);
    const e = Math.min(end, c.span.startUs + c.span.durationUs);
    if (e > s) intervals.push([s, e]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [s, e] of intervals) {
    if (s > curEnd) {
      if (curEnd > curStart) covered += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else curEnd = Math.max(curEnd, e);
  }
  if (curEnd > curStart) covered += curEnd - curStart;
  return node.span.durationUs - covered;
}

/**
 * Where the time of a trace went, per service, as Jaeger UI's "trace statistics" count self time:
 * the time a service's spans spent waiting on nobody below them. Largest first.
 */
export function serviceSelfTimes(trace: Trace): ServiceSelfTime[] {
  const acc = new Map<string, { spanCount: number; selfTimeUs: number; errorCount: number }>();
  for (const node of buildSpanTree(trace).nodes) {
    const e = acc.get(node.span.service) ?? { spanCount: 0, selfTimeUs: 0, errorCount: 0 };
    e.spanCount++;
    e.selfTimeUs += selfTimeOf(node);
    if (node.span.error) e.errorCount++;
    acc.set(node.span.service, e);
  }
  return [...acc]
    .map(([service, e]) => ({ service, ...e }))
    .sort((a, b) => b.selfTimeUs - a.selfTimeUs || a.service.localeCompare(b.service));
}
