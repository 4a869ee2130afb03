import 'server-only';
import { getConfig, redact, type JaegerConfig } from '@/lib/config';
import {
  describeNetworkError,
  NotFoundError,
  UpstreamError,
  UpstreamUnavailableError,
} from '@/lib/errors';
import type { Trace } from '@/lib/mesh/traces/types';
import { decodeTraceV1, decodeTracesV3 } from './decode';
import { failure, parseWire, readBody, type JaegerBody } from './responses';
import { v1SearchPath, v3SearchPath, type TraceSearch } from './search-query';
import { JaegerEnvelopeV1, JaegerTracesV1 } from './wire-v1';
import { JaegerResultV3 } from './wire-v3';

export type { TraceSearch } from './search-query';

export type JaegerApi = 'v1' | 'v3';

export interface JaegerPing {
  readonly ok: boolean;
  readonly error?: string;
  /** The API the server answered on; set when `ok`. */
  readonly api?: JaegerApi;
}

export interface JaegerClient {
  ping(): Promise<JaegerPing>;
  /** Traces with a span of `service` matching the search, newest first as Jaeger returns them. */
  searchTraces(search: TraceSearch): Promise<Trace[]>;
  /** One trace; NotFoundError when Jaeger does not have it. */
  getTrace(traceId: string): Promise<Trace>;
}

// Jaeger main removed the v1 search endpoints (fixtures/README.md, finding 1), so v3 is tried first.
const SERVICES_PATH: Readonly<Record<JaegerApi, string>> = {
  v3: 'api/v3/services',
  v1: 'api/services',
};

export function createJaegerClient(config: JaegerConfig): JaegerClient {
  const base = new URL(config.url.endsWith('/') ? config.url : `${config.url}/`);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (base.username) {
    const pair = `${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    base.username = '';
    base.password = '';
  }
  const where = `Jaeger at ${redact(config.url)}`;

  async function get(path: string): Promise<Response> {
    try {
      return await fetch(new URL(path, base), {
        headers,
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (err) {
      throw new UpstreamUnavailableError(
        'jaeger',
        `${where} is unreachable: ${describeNetworkError(err, config.timeoutMs)}`,
        { cause: err },
      );
    }
  }

  async function servicesStatus(api: JaegerApi): Promise<number> {
    const res = await get(SERVICES_PATH[api]);
    await res.body?.cancel();
    return res.status;
  }

  async function detect(): Promise<JaegerApi> {
    const candidates: readonly JaegerApi[] = config.api ? [config.api] : ['v3', 'v1'];
    let last = 0;
    for (const api of candidates) {
      last = await servicesStatus(api);
      if (last === 200) return api;
      if (last !== 404) break;
    }
    throw new UpstreamError(
      'jaeger',
      `${where} answered HTTP ${last} to GET /${SERVICES_PATH[candidates[0] ?? 'v3']}.`,
    );
  }

  // Detected once and kept: a Jaeger does not change API under a running Meshlens. A failed detection
  // is forgotten so that the next request tries again.
  let detected: Promise<JaegerApi> | undefined;
  function api(): Promise<JaegerApi> {
    detected ??= detect().catch((err: unknown) => {
      detected = undefined;
      throw err;
    });
    return detected;
  }

  async function search(q: TraceSearch): Promise<Trace[]> {
    const which = await api();
    const path = which === 'v1' ? v1SearchPath(q) : v3SearchPath(q);
    const what = `GET /${path.split('?')[0]}?service=${q.service}`;
    const body = await readBody(await get(path));
    if (which === 'v3') {
      // api_v3 answers an empty search with 404 "No traces found" (fixtures/README.md, finding 1).
      if (body.status === 404) return [];
      if (body.status !== 200) throw failure(where, what, body);
      const traces = decodeTracesV3(parseWire(JaegerResultV3, body, where, what).result);
      return q.tags ? traces.filter((t) => hasTaggedSpan(t, q.service, q.tags ?? {})) : traces;
    }
    if (body.status !== 200) throw failure(where, what, body);
    return v1Traces(body, what);
  }

  function v1Traces(body: JaegerBody, what: string): Trace[] {
    const envelope = parseWire(JaegerEnvelopeV1, body, where, what);
    const data = parseWire(JaegerTracesV1, { ...body, json: envelope.data }, where, what);
    if (data === null && envelope.errors?.length) throw failure(where, what, body);
    return (data ?? []).map(decodeTraceV1);
  }

  async function trace(traceId: string): Promise<Trace> {
    const which = await api();
    const path = `${which === 'v1' ? 'api/traces' : 'api/v3/traces'}/${encodeURIComponent(traceId)}`;
    const what = `GET /${path}`;
    const body = await readBody(await get(path));
    if (body.status === 404) throw new NotFoundError(`Jaeger has no trace with id ${traceId}.`);
    if (body.status !== 200) throw failure(where, what, body);
    const traces =
      which === 'v1'
        ? v1Traces(body, what)
        : decodeTracesV3(parseWire(JaegerResultV3, body, where, what).result);
    const found = traces.find((t) => t.spans.length > 0);
    if (!found) throw new NotFoundError(`Jaeger has no trace with id ${traceId}.`);
    return found;
  }

  return {
    async ping() {
      try {
        // A ping checks for real every time (the status page relies on it) and refreshes the choice.
        const found = await detect();
        detected = Promise.resolve(found);
        return { ok: true, api: found };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
    searchTraces: search,
    getTrace: trace,
  };
}

/** The v3 GET search cannot filter on tags, so the client does what v1's `tags=` does server-side. */
function hasTaggedSpan(
  trace: Trace,
  service: string,
  tags: Readonly<Record<string, string>>,
): boolean {
  const wanted = Object.entries(tags);
  return trace.spans.some(
    (s) => s.service === service && wanted.every(([k, v]) => String(s.tags[k]) === v),
  );
}

const GLOBAL_KEY = Symbol.for('meshlens.jaegerClient');

/** The process-wide client, or undefined when JAEGER_URL is not set (tracing is optional). */
export function getJaegerClient(): JaegerClient | undefined {
  const jaeger = getConfig().jaeger;
  if (!jaeger) return undefined;
  const store = globalThis as { [GLOBAL_KEY]?: JaegerClient };
  store[GLOBAL_KEY] ??= createJaegerClient(jaeger);
  return store[GLOBAL_KEY];
}
