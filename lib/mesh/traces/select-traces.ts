import { findHops, touches, type Endpoint } from './passes-across';
import { summarizeTrace } from './summarize-trace';
import type { Trace, TraceSummary } from './types';

export type TraceSort = 'newest' | 'slowest';

export interface TraceSelection {
  readonly source?: Endpoint;
  readonly target?: Endpoint;
  readonly errorsOnly: boolean;
  readonly minDurationMs?: number;
  /** A span of the trace must have this operation name. */
  readonly operation?: string;
  readonly sort: TraceSort;
  readonly limit: number;
}

export interface SelectedTraces {
  readonly traces: readonly TraceSummary[];
  /** Operation names of the traces on the edge or node, before the operation filter: the choices. */
  readonly operations: readonly string[];
}

function onEdgeOrNode(trace: Trace, sel: TraceSelection): boolean {
  if (sel.source && sel.target) return findHops(trace, sel.source, sel.target).length > 0;
  const node = sel.target ?? sel.source;
  return node === undefined || touches(trace, node);
}

/**
 * The traces (deduplicated by id) that cross the edge, or touch the node, and pass the filters,
 * newest or slowest first, at most `limit`.
 */
export function selectTraces(candidates: readonly Trace[], sel: TraceSelection): SelectedTraces {
  const seen = new Set<string>();
  const operations = new Set<string>();
  const picked: TraceSummary[] = [];
  for (const trace of candidates) {
    if (seen.has(trace.traceId) || !onEdgeOrNode(trace, sel)) continue;
    seen.add(trace.traceId);
    for (const s of trace.spans) operations.add(s.operation);
    const summary = summarizeTrace(trace);
    if (sel.errorsOnly && !summary.error) continue;
    if (sel.minDurationMs !== undefined && summary.durationMs < sel.minDurationMs) continue;
    if (sel.operation !== undefined && !trace.spans.some((s) => s.operation === sel.operation))
      continue;
    picked.push(summary);
  }
  picked.sort((a, b) =>
    sel.sort === 'slowest'
      ? b.durationMs - a.durationMs || b.startTime - a.startTime
      : b.startTime - a.startTime || b.durationMs - a.durationMs,
  );
  return { traces: picked.slice(0, sel.limit), operations: [...operations].sort() };
}
