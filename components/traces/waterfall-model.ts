import { findHops, type Endpoint } from '@/lib/mesh/traces/passes-across';
import type { TraceResponse } from '@/lib/api/traces';
import { buildSpanTree, type SpanTree } from '@/lib/mesh/traces/span-tree';
import { traceBounds } from '@/lib/mesh/traces/summarize-trace';
import type { CriticalSection } from '@/lib/mesh/traces/types';

export interface WaterfallModel {
  readonly tree: SpanTree;
  readonly startUs: number;
  readonly durationUs: number;
  /** In order of first appearance, which is the order colours are handed out in. */
  readonly services: readonly string[];
  /** Span ids of the chosen edge's hops: the caller's span and the callee's. */
  readonly highlighted: ReadonlySet<string>;
  readonly hopCount: number;
  readonly critical: ReadonlyMap<string, readonly CriticalSection[]>;
  readonly skew: ReadonlyMap<string, number>;
}

/** Everything the waterfall draws, computed once per trace (and edge). */
export function buildWaterfallModel(
  data: TraceResponse,
  edge: { source: Endpoint; target: Endpoint } | undefined,
): WaterfallModel {
  const { trace } = data;
  const tree = buildSpanTree(trace);
  const { startUs, endUs } = traceBounds(trace);
  const services: string[] = [];
  const seen = new Set<string>();
  for (const n of tree.nodes) {
    if (seen.has(n.span.service)) continue;
    seen.add(n.span.service);
    services.push(n.span.service);
  }
  const hops = edge ? findHops(trace, edge.source, edge.target) : [];
  const highlighted = new Set<string>();
  for (const h of hops) {
    highlighted.add(h.fromSpanId);
    if (h.toSpanId) highlighted.add(h.toSpanId);
  }
  const critical = new Map<string, CriticalSection[]>();
  for (const c of data.criticalPath) {
    const list = critical.get(c.spanId) ?? [];
    list.push(c);
    critical.set(c.spanId, list);
  }
  return {
    tree,
    startUs,
    durationUs: Math.max(1, endUs - startUs),
    services,
    highlighted,
    hopCount: hops.length,
    critical,
    skew: new Map(data.skewAdjustments.map((a) => [a.spanId, a.deltaUs])),
  };
}

/** A graph node name as the browser can match it: a canonical service or a workload of the namespace. */
export function endpointOf(namespace: string, name: string): Endpoint {
  return { namespace, services: [name], workloads: [name] };
}

/** Ruler ticks at a "nice" step (1, 2 or 5 × 10ⁿ µs), about `count` of them, from 0 to the end. */
export function rulerTicks(durationUs: number, count = 5): number[] {
  const raw = durationUs / count;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let t = 0; t <= durationUs + 1e-9; t += step) ticks.push(t);
  return ticks;
}
