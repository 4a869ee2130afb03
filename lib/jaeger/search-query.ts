import 'server-only';

/** A trace search, in the terms both Jaeger APIs understand. Times in µs since the epoch. */
export interface TraceSearch {
  readonly service: string;
  readonly operation?: string;
  /** Span tags that a span of `service` must carry. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly startUs: number;
  readonly endUs: number;
  readonly minDurationMs?: number;
  readonly maxDurationMs?: number;
  readonly limit: number;
}

/** Go's time.ParseDuration accepts "1.5ms"; Jaeger v1 parses minDuration with it. */
function goDurationMs(ms: number): string {
  return `${Number(ms.toFixed(3))}ms`;
}

/** RFC 3339 with microseconds, which the v3 gateway parses as RFC3339Nano. */
function rfc3339(us: number): string {
  const ms = Math.floor(us / 1000);
  const iso = new Date(ms).toISOString();
  const micros = String(Math.floor(us) % 1_000_000).padStart(6, '0');
  return `${iso.slice(0, 19)}.${micros}Z`;
}

// Ref https://github.com/jaegertracing/jaeger/blob/v2.20.0/cmd/jaeger/internal/extension/jaegerquery/internal/query_parser.go
export function v1SearchPath(q: TraceSearch): string {
  const p = new URLSearchParams({
    service: q.service,
    start: String(Math.floor(q.startUs)),
    end: String(Math.ceil(q.endUs)),
    limit: String(q.limit),
  });
  if (q.operation) p.set('operation', q.operation);
  if (q.tags && Object.keys(q.tags).length > 0) p.set('tags', JSON.stringify(q.tags));
  if (q.minDurationMs !== undefined) p.set('minDuration', goDurationMs(q.minDurationMs));
  if (q.maxDurationMs !== undefined) p.set('maxDuration', goDurationMs(q.maxDurationMs));
  return `api/traces?${p}`;
}

/**
 * Ref fixtures/jaeger/api-v3/query_service.openapi.yaml, GET /api/v3/traces. The GET form has no
 * tag filter in a released Jaeger (query.filter is newer than v2.20), so the client filters tags.
 */
export function v3SearchPath(q: TraceSearch): string {
  const p = new URLSearchParams({
    'query.serviceName': q.service,
    'query.startTimeMin': rfc3339(q.startUs),
    'query.startTimeMax': rfc3339(q.endUs),
    'query.searchDepth': String(q.limit),
  });
  if (q.operation) p.set('query.operationName', q.operation);
  if (q.minDurationMs !== undefined) p.set('query.durationMin', `${q.minDurationMs / 1000}s`);
  if (q.maxDurationMs !== undefined) p.set('query.durationMax', `${q.maxDurationMs / 1000}s`);
  return `api/v3/traces?${p}`;
}
