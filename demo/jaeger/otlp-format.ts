import type { SimTrace } from './trace-types.js';

/** OTLP JSON as Jaeger's api_v3 returns it (fixtures/jaeger/api-v3/GetTrace.json): ids in hex. */

const SPAN_KIND = { server: 2, client: 3 } as const;
const STATUS_ERROR = 2;

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: { stringValue: string } }[];
  status: { code?: number };
}

export interface OtlpTracesData {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue: string } }[] };
    scopeSpans: { scope: Record<string, never>; spans: OtlpSpan[] }[];
  }[];
}

export function toOtlp(traces: readonly SimTrace[]): OtlpTracesData {
  const resourceSpans: OtlpTracesData['resourceSpans'] = [];
  for (const t of traces) {
    const byService = new Map<string, OtlpSpan[]>();
    for (const s of t.spans) {
      const spans = byService.get(s.service) ?? [];
      spans.push({
        traceId: t.traceId,
        spanId: s.spanId,
        ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
        name: s.operation,
        kind: SPAN_KIND[s.kind],
        startTimeUnixNano: `${s.startUs}000`,
        endTimeUnixNano: `${s.startUs + s.durationUs}000`,
        attributes: Object.entries(s.tags).map(([key, value]) => ({
          key,
          value: { stringValue: value },
        })),
        status: s.error ? { code: STATUS_ERROR } : {},
      });
      byService.set(s.service, spans);
    }
    for (const [service, spans] of byService) {
      resourceSpans.push({
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [{ scope: {}, spans }],
      });
    }
  }
  return { resourceSpans };
}
