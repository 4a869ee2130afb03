import { namespaceOf } from './passes-across';
import type { Span, Trace } from './types';

/** The service name a redacted span carries, in place of the real one. */
export const RESTRICTED_SERVICE = 'restricted';

function redactSpan(span: Span): Span {
  // The timing, ids and error flag keep the trace's shape (critical path, self times) true for the
  // visible spans; everything that names or describes the hidden service goes.
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentId !== undefined ? { parentId: span.parentId } : {}),
    ...(span.followsFrom !== undefined ? { followsFrom: span.followsFrom } : {}),
    service: RESTRICTED_SERVICE,
    operation: '',
    startUs: span.startUs,
    durationUs: span.durationUs,
    tags: {},
    logs: [],
    error: span.error,
    process: { serviceName: RESTRICTED_SERVICE, tags: {} },
    kind: span.kind,
  };
}

/**
 * The trace with every span of a namespace the person may not see redacted. A span whose namespace
 * cannot be told (no Istio tags, a bare service name) is redacted too: it might be anyone's.
 */
export function redactTrace(trace: Trace, visible: ReadonlySet<string>): Trace {
  let changed = false;
  const spans = trace.spans.map((span) => {
    const ns = namespaceOf(span);
    if (ns !== undefined && visible.has(ns)) return span;
    changed = true;
    return redactSpan(span);
  });
  return changed ? { ...trace, spans } : trace;
}
