import type { IncomingMessage, ServerResponse } from 'node:http';
import { toOtlp } from './otlp-format.js';
import { ParamError, durationUs, integer, param, rfc3339Us } from './params.js';
import type { TraceQuery, TraceStore } from './store.js';
import type { SimTrace } from './trace-types.js';
import { toV1Trace } from './v1-format.js';

export type JaegerHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  basePath: string,
) => boolean;

const DEFAULT_LIMIT = 100;
const DEFAULT_TRACE_LOOKBACK_US = 48 * 3_600_000_000;
const DEFAULT_DEPENDENCY_LOOKBACK_MS = 24 * 3_600_000;

/**
 * Jaeger's query API over a TraceStore: the v1 JSON endpoints (http_handler.go) and the api_v3
 * HTTP gateway (http_gateway.go), under `basePath` (e.g. "/jaeger"). Returns false for paths it
 * does not own so the caller can route them elsewhere.
 */
export function createJaegerHandler(
  store: TraceStore,
  nowMs: () => number = Date.now,
): JaegerHandler {
  return (req, res, basePath) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${basePath}/api/`)) return false;
    const path = url.pathname.slice(basePath.length);
    const q = url.searchParams;
    if (req.method !== 'GET') {
      goError(res, 405, 'Method Not Allowed');
      return true;
    }
    try {
      if (path.startsWith('/api/v3/')) serveV3(store, path, q, res);
      else serveV1(store, path, q, res, nowMs());
    } catch (err) {
      if (!(err instanceof ParamError)) throw err;
      if (path.startsWith('/api/v3/')) v3Error(res, 400, err.message);
      else v1Error(res, 400, err.message);
    }
    return true;
  };
}

function serveV1(
  store: TraceStore,
  path: string,
  q: URLSearchParams,
  res: ServerResponse,
  nowMs: number,
): void {
  let m: RegExpExecArray | null;
  if (path === '/api/services') {
    const services = store.services();
    return v1(res, services, services.length);
  }
  if ((m = /^\/api\/services\/([^/]+)\/operations$/.exec(path))) {
    const names = store.operationsOf(decodeURIComponent(m[1] ?? '')).map((o) => o.name);
    return v1(res, names, names.length);
  }
  if (path === '/api/operations') {
    const service = q.get('service');
    if (!service) return v1Error(res, 400, "parameter 'service' is required");
    const ops = store.operationsOf(service, q.get('spanKind') ?? undefined);
    return v1(res, ops, ops.length);
  }
  if ((m = /^\/api\/traces\/([^/]+)$/.exec(path))) {
    const id = m[1] ?? '';
    if (!/^[0-9a-fA-F]{1,32}$/.test(id))
      return v1Error(res, 400, `strconv.ParseUint: parsing "${id}": invalid syntax`);
    const trace = store.get(id);
    if (!trace) return v1Error(res, 404, 'trace not found');
    return v1(res, [toV1Trace(trace)], 0);
  }
  if (path === '/api/traces') return v1(res, searchV1(store, q, nowMs).map(toV1Trace), 0);
  if (path === '/api/dependencies') {
    const endMs = integer(param(q, 'endTs')) ?? nowMs;
    const lookbackMs = integer(param(q, 'lookback')) ?? DEFAULT_DEPENDENCY_LOOKBACK_MS;
    const service = q.get('service');
    const links = store
      .dependencies(endMs * 1000, lookbackMs * 1000)
      .filter((l) => !service || l.parent === service || l.child === service);
    return v1(res, links, 0);
  }
  goError(res, 404, '404 page not found');
}

function searchV1(store: TraceStore, q: URLSearchParams, nowMs: number): SimTrace[] {
  const ids = q.getAll('traceID');
  if (ids.length > 0) return ids.flatMap((id) => store.get(id) ?? []);
  const service = q.get('service');
  if (!service) throw new ParamError("parameter 'service' is required");
  const limit = integer(param(q, 'limit')) ?? DEFAULT_LIMIT;
  if (limit <= 0) throw new ParamError('invalid parameter: limit must be greater than 0');
  const endUs = integer(param(q, 'end')) ?? nowMs * 1000;
  // The UI sends `lookback` too, but the server only reads start/end; its default window is 2 days.
  const startUs = integer(param(q, 'start')) ?? endUs - DEFAULT_TRACE_LOOKBACK_US;
  if (startUs > endUs)
    throw new ParamError('invalid parameter: start time must be before end time');
  const durationMinUs = durationUs(param(q, 'minDuration'));
  const durationMaxUs = durationUs(param(q, 'maxDuration'));
  if (durationMinUs !== undefined && durationMaxUs !== undefined && durationMaxUs < durationMinUs)
    throw new ParamError("'maxDuration' should be greater than 'minDuration'");
  const query: TraceQuery = {
    service,
    operation: q.get('operation') ?? undefined,
    tags: parseTags(q),
    startMinUs: startUs,
    startMaxUs: endUs,
    durationMinUs,
    durationMaxUs,
    limit,
  };
  return store.find(query);
}

function parseTags(q: URLSearchParams): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const t of q.getAll('tag')) {
    const [key, ...rest] = t.split(':');
    if (!key || rest.length === 0)
      throw new ParamError(`malformed 'tag' parameter, expecting key:value, received: ${t}`);
    tags[key] = rest.join(':');
  }
  for (const json of q.getAll('tags')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (err) {
      throw new ParamError(
        `malformed 'tags' parameter, cannot unmarshal JSON: ${(err as Error).message}`,
      );
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new ParamError("malformed 'tags' parameter, cannot unmarshal JSON: not an object");
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') tags[k] = v;
  }
  return tags;
}

function serveV3(store: TraceStore, path: string, q: URLSearchParams, res: ServerResponse): void {
  let m: RegExpExecArray | null;
  if (path === '/api/v3/services') return json(res, 200, { services: store.services() });
  if (path === '/api/v3/operations') {
    const service = param(q, 'service').raw ?? '';
    const kind = param(q, 'span_kind', 'spanKind').raw ?? undefined;
    return json(res, 200, { operations: store.operationsOf(service, kind) });
  }
  if ((m = /^\/api\/v3\/traces\/([^/]+)$/.exec(path))) {
    const id = m[1] ?? '';
    if (!/^[0-9a-fA-F]{1,32}$/.test(id))
      return v3Error(res, 400, `malformed parameter trace_id: ${id}`);
    const trace = store.get(id);
    return trace
      ? json(res, 200, { result: toOtlp([trace]) })
      : v3Error(res, 404, 'No traces found');
  }
  if (path === '/api/v3/traces') {
    const min = rfc3339Us(param(q, 'query.start_time_min', 'query.startTimeMin'));
    const max = rfc3339Us(param(q, 'query.start_time_max', 'query.startTimeMax'));
    if (min === undefined || max === undefined)
      return v3Error(res, 400, 'query.start_time_min and query.start_time_max are required');
    const traces = store.find({
      service: param(q, 'query.service_name', 'query.serviceName').raw ?? '',
      operation: param(q, 'query.operation_name', 'query.operationName').raw ?? undefined,
      startMinUs: min,
      startMaxUs: max,
      durationMinUs: durationUs(param(q, 'query.duration_min', 'query.durationMin')),
      durationMaxUs: durationUs(param(q, 'query.duration_max', 'query.durationMax')),
      limit:
        integer(param(q, 'query.search_depth', 'query.searchDepth', 'query.num_traces')) ??
        DEFAULT_LIMIT,
    });
    return traces.length === 0
      ? v3Error(res, 404, 'No traces found')
      : json(res, 200, { result: toOtlp(traces) });
  }
  goError(res, 404, '404 page not found');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function v1(res: ServerResponse, data: unknown, total: number): void {
  json(res, 200, { data, total, limit: 0, offset: 0, errors: null });
}

/** Go's http.Error: the JSON body goes out as text/plain with a trailing newline (fixtures finding 2). */
function goError(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(`${body}\n`);
}

function v1Error(res: ServerResponse, status: number, msg: string): void {
  goError(
    res,
    status,
    JSON.stringify({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: status, msg }] }),
  );
}

function v3Error(res: ServerResponse, status: number, message: string): void {
  goError(res, status, JSON.stringify({ error: { httpCode: status, message } }));
}
