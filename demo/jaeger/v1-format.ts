import type { SimTrace } from './trace-types.js';

/** Jaeger's UI JSON model (fixtures/jaeger/v1-ui-trace.ui_01.json), the `data[]` of /api/traces. */

interface V1Tag {
  key: string;
  type: 'string' | 'bool';
  value: string | boolean;
}

export interface V1Trace {
  traceID: string;
  spans: {
    traceID: string;
    spanID: string;
    operationName: string;
    references: { refType: 'CHILD_OF'; traceID: string; spanID: string }[];
    startTime: number;
    duration: number;
    tags: V1Tag[];
    logs: never[];
    processID: string;
    warnings: null;
  }[];
  processes: Record<string, { serviceName: string; tags: V1Tag[] }>;
  warnings: null;
}

export function toV1Trace(t: SimTrace): V1Trace {
  const processIds = new Map<string, string>();
  const processes: V1Trace['processes'] = {};
  for (const s of t.spans) {
    if (processIds.has(s.service)) continue;
    const id = `p${processIds.size + 1}`;
    processIds.set(s.service, id);
    processes[id] = { serviceName: s.service, tags: [] };
  }
  return {
    traceID: t.traceId,
    spans: [...t.spans]
      .sort((a, b) => a.startUs - b.startUs)
      .map((s) => ({
        traceID: t.traceId,
        spanID: s.spanId,
        operationName: s.operation,
        references: s.parentSpanId
          ? [{ refType: 'CHILD_OF' as const, traceID: t.traceId, spanID: s.parentSpanId }]
          : [],
        startTime: s.startUs,
        duration: s.durationUs,
        tags: [
          ...Object.entries(s.tags).map(([key, value]): V1Tag => ({ key, type: 'string', value })),
          { key: 'span.kind', type: 'string', value: s.kind },
          ...(s.error ? [{ key: 'error', type: 'bool' as const, value: true }] : []),
        ],
        logs: [],
        processID: processIds.get(s.service) ?? 'p1',
        warnings: null,
      })),
    processes,
    warnings: null,
  };
}
