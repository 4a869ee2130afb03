import type { Span, SpanKind, SpanLog, TagValue, Trace } from '@/lib/mesh/traces/types';
import type { JaegerKeyValueV1, JaegerTraceV1 } from './wire-v1';
import type { OtlpAnyValueV3, OtlpKeyValueV3, OtlpSpanV3, OtlpTracesDataV3 } from './wire-v3';

const SPAN_KINDS: readonly SpanKind[] = ['client', 'server', 'producer', 'consumer', 'internal'];

function spanKindOf(value: unknown): SpanKind {
  const k = typeof value === 'string' ? value.toLowerCase() : '';
  return SPAN_KINDS.find((kind) => kind === k) ?? 'unspecified';
}

/** int64 tags arrive as numbers, or as strings past 2^53; the latter stay strings. */
function tagValueV1(kv: JaegerKeyValueV1): TagValue {
  const v = kv.value;
  if (v === null || v === undefined) return '';
  if (kv.type === 'int64' && typeof v === 'string') {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v;
  }
  if (kv.type === 'bool' && typeof v === 'string') return v === 'true';
  return v;
}

function tagsV1(list: readonly JaegerKeyValueV1[] | null | undefined): Record<string, TagValue> {
  const out: Record<string, TagValue> = {};
  for (const kv of list ?? []) out[kv.key] = tagValueV1(kv);
  return out;
}

function isErrorTags(tags: Readonly<Record<string, TagValue>>): boolean {
  return tags.error === true || tags.error === 'true' || tags['otel.status_code'] === 'ERROR';
}

/** Jaeger's UI model (v1): processes by id, parent from references, typed tags. */
export function decodeTraceV1(wire: JaegerTraceV1): Trace {
  const traceId = wire.traceID.toLowerCase();
  const spans = wire.spans.map((s): Span => {
    const proc = s.process ?? (s.processID ? wire.processes?.[s.processID] : undefined);
    const process = { serviceName: proc?.serviceName ?? 'unknown', tags: tagsV1(proc?.tags) };
    const refs = (s.references ?? []).filter((r) => r.traceID.toLowerCase() === traceId);
    const parent = refs.find((r) => r.refType === 'CHILD_OF') ?? refs[0];
    const tags = tagsV1(s.tags);
    const logs = (s.logs ?? []).map((l): SpanLog => ({
      timestampUs: l.timestamp,
      fields: tagsV1(l.fields),
    }));
    return {
      traceId,
      spanId: s.spanID.toLowerCase(),
      ...(parent ? { parentId: parent.spanID.toLowerCase() } : {}),
      ...(parent && parent.refType !== 'CHILD_OF' ? { followsFrom: true } : {}),
      service: process.serviceName,
      operation: s.operationName,
      startUs: s.startTime,
      durationUs: s.duration,
      tags,
      logs,
      error: isErrorTags(tags),
      process,
      kind: spanKindOf(tags['span.kind']),
      ...(s.warnings?.length ? { warnings: s.warnings } : {}),
    };
  });
  spans.sort((a, b) => a.startUs - b.startUs);
  return { traceId, spans, ...(wire.warnings?.length ? { warnings: wire.warnings } : {}) };
}

const HEX_ID = /^(?:[0-9a-fA-F]{16}|[0-9a-fA-F]{32})$/;

/**
 * Jaeger's gateway writes ids in hex; protobuf JSON (Tempo, plain OTLP) in base64. A 16- or 32-digit
 * hex string can never be the base64 of an 8- or 16-byte id (those are 12 and 24 characters).
 */
export function otlpIdToHex(id: string): string {
  if (id === '' || HEX_ID.test(id)) return id.toLowerCase();
  return Buffer.from(id, 'base64').toString('hex');
}

function nanosToUs(value: string | number | undefined): number {
  if (value === undefined || value === '') return 0;
  try {
    return Number(BigInt(value) / 1000n);
  } catch {
    return Math.floor(Number(value) / 1000) || 0;
  }
}

function anyValue(v: OtlpAnyValueV3 | undefined): TagValue {
  if (!v) return '';
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) {
    const n = Number(v.intValue);
    return Number.isSafeInteger(n) ? n : String(v.intValue);
  }
  if (v.doubleValue !== undefined) return Number(v.doubleValue);
  if (v.bytesValue !== undefined) return v.bytesValue;
  if (v.arrayValue) return JSON.stringify((v.arrayValue.values ?? []).map(anyValue));
  if (v.kvlistValue) return JSON.stringify(attributes(v.kvlistValue.values));
  return '';
}

function attributes(list: readonly OtlpKeyValueV3[] | undefined): Record<string, TagValue> {
  const out: Record<string, TagValue> = {};
  for (const kv of list ?? []) out[kv.key] = anyValue(kv.value);
  return out;
}

const OTLP_KINDS: Readonly<Record<string, SpanKind>> = {
  '1': 'internal',
  '2': 'server',
  '3': 'client',
  '4': 'producer',
  '5': 'consumer',
};

function otlpKind(kind: number | string | undefined): SpanKind {
  if (kind === undefined) return 'unspecified';
  const key = String(kind);
  return OTLP_KINDS[key] ?? spanKindOf(key.replace(/^SPAN_KIND_/, ''));
}

function isOtlpError(span: OtlpSpanV3, tags: Readonly<Record<string, TagValue>>): boolean {
  const code = span.status?.code;
  return code === 2 || code === 'STATUS_CODE_ERROR' || isErrorTags(tags);
}

/** OTLP JSON (v3): resource attributes are the process, spans are grouped into traces by id. */
export function decodeTracesV3(data: OtlpTracesDataV3): Trace[] {
  const byTrace = new Map<string, Span[]>();
  for (const rs of data.resourceSpans ?? []) {
    const resource = attributes(rs.resource?.attributes);
    const serviceName =
      typeof resource['service.name'] === 'string' ? resource['service.name'] : 'unknown';
    const process = { serviceName, tags: resource };
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        const traceId = otlpIdToHex(s.traceId);
        const tags = attributes(s.attributes);
        if (ss.scope?.name) tags['otel.scope.name'] ??= ss.scope.name;
        if (s.status?.message) tags['otel.status_description'] ??= s.status.message;
        const startUs = nanosToUs(s.startTimeUnixNano);
        const endUs = nanosToUs(s.endTimeUnixNano);
        const parentId = s.parentSpanId ? otlpIdToHex(s.parentSpanId) : '';
        const span: Span = {
          traceId,
          spanId: otlpIdToHex(s.spanId),
          ...(parentId ? { parentId } : {}),
          service: serviceName,
          operation: s.name ?? '',
          startUs,
          durationUs: Math.max(0, endUs - startUs),
          tags,
          logs: (s.events ?? []).map((e) => ({
            timestampUs: nanosToUs(e.timeUnixNano),
            fields: { ...(e.name ? { event: e.name } : {}), ...attributes(e.attributes) },
          })),
          error: isOtlpError(s, tags),
          process,
          kind: otlpKind(s.kind),
        };
        const list = byTrace.get(traceId) ?? [];
        list.push(span);
        byTrace.set(traceId, list);
      }
    }
  }
  return [...byTrace].map(([traceId, spans]) => ({
    traceId,
    spans: spans.sort((a, b) => a.startUs - b.startUs),
  }));
}
