import type { Span, Trace, TraceSummary } from './types';

export interface TraceBounds {
  readonly startUs: number;
  readonly endUs: number;
}

/** Earliest start to latest end over all spans; an empty trace is [0, 0]. */
export function traceBounds(trace: Trace): TraceBounds {
  if (trace.spans.length === 0) return { startUs: 0, endUs: 0 };
  let startUs = Infinity;
  let endUs = -Infinity;
  for (const s of trace.spans) {
    startUs = Math.min(startUs, s.startUs);
    endUs = Math.max(endUs, s.startUs + s.durationUs);
  }
  return { startUs, endUs };
}

/**
 * The span a person reads as "the request": a span whose parent is absent, the earliest such one
 * (ties broken by the longest), so an orphan arriving later never wins over the real root.
 */
export function rootSpan(trace: Trace): Span | undefined {
  const ids = new Set(trace.spans.map((s) => s.spanId));
  let best: Span | undefined;
  for (const s of trace.spans) {
    if (s.parentId !== undefined && ids.has(s.parentId)) continue;
    if (
      !best ||
      s.startUs < best.startUs ||
      (s.startUs === best.startUs && s.durationUs > best.durationUs)
    )
      best = s;
  }
  return best;
}

export function summarizeTrace(trace: Trace): TraceSummary {
  const { startUs, endUs } = traceBounds(trace);
  const root = rootSpan(trace);
  return {
    traceId: trace.traceId,
    startTime: Math.floor(startUs / 1000),
    durationMs: (endUs - startUs) / 1000,
    spanCount: trace.spans.length,
    error: trace.spans.some((s) => s.error),
    services: [...new Set(trace.spans.map((s) => s.service))].sort(),
    ...(root ? { rootOperation: root.operation } : {}),
  };
}
