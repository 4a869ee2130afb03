import 'server-only';
import { coalescingCache } from '@/lib/cache';
import { getConfig, redact, type PrometheusAuth, type PrometheusConfig } from '@/lib/config';
import { describeNetworkError, UpstreamError, UpstreamUnavailableError } from '@/lib/errors';
import type { Sample, Series } from '@/lib/mesh/types';
import type { z } from 'zod';
import type { PrometheusLimits } from '@/lib/mesh/time/time-range';
import { toSamples, toSeries } from './decode';
import { StatusConfig, StatusFlags, limitsOf } from './limits';
import { noteQuerySent } from './query-count';
import { transportFor, type HttpResponse, type HttpTransport } from './transport';
import { PromQueryResponse, type PromQueryData } from './wire';

export interface SourcePing {
  readonly ok: boolean;
  readonly error?: string;
}

export interface PrometheusClientStats {
  /** HTTP queries actually sent to Prometheus. */
  readonly queries: number;
  /** Calls that joined an identical in-flight query. */
  readonly coalesced: number;
  /** Calls answered from the short TTL cache. */
  readonly cacheHits: number;
}

export interface PrometheusClient {
  /**
   * Evaluates `query` at `timeMs` (epoch ms), or at Prometheus' "now" when omitted. Omit it when you
   * can: identical "now" queries from concurrent requests then share one HTTP call and the TTL cache.
   */
  instantQuery(query: string, timeMs?: number): Promise<Sample[]>;
  /** Align `startMs`/`endMs` to the step so that concurrent viewers hit the same cache key. */
  rangeQuery(query: string, startMs: number, endMs: number, stepSeconds: number): Promise<Series[]>;
  ping(): Promise<SourcePing>;
  /**
   * The scrape interval and retention Prometheus reports (status/config and status/flags), read at
   * most every few minutes. A store that does not report them (a remote-read front) gets a common
   * 15 s scrape interval and no retention bound, said in `reported: false`.
   */
  limits(): Promise<PrometheusLimits & { readonly reported: boolean }>;
  stats(): PrometheusClientStats;
}

/** Limits change with a Prometheus restart at most; asking every few minutes is plenty. */
const LIMITS_TTL_MS = 5 * 60_000;
const UNREPORTED_LIMITS = { scrapeIntervalSeconds: 15, reported: false } as const;

export interface PrometheusClientOptions {
  /** How long a result is reused; 0 still coalesces in-flight queries. Default 2000. */
  readonly cacheTtlMs?: number;
  readonly transport?: HttpTransport;
  readonly now?: () => number;
}

const UNAVAILABLE_ERROR_TYPES = new Set(['timeout', 'canceled', 'unavailable']);

export function createPrometheusClient(
  config: PrometheusConfig,
  options: PrometheusClientOptions = {},
): PrometheusClient {
  const transport = options.transport ?? transportFor(config);
  const cache = coalescingCache<PromQueryData>(options.cacheTtlMs ?? 2000, options.now);
  const limitsCache = coalescingCache<PrometheusLimits & { readonly reported: boolean }>(
    LIMITS_TTL_MS,
    options.now,
    1,
  );
  const base = new URL(config.url.endsWith('/') ? config.url : `${config.url}/`);
  const where = `Prometheus at ${redact(config.url)}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  const authorization = authorizationHeader(config.auth ?? credentialsOf(base));
  if (authorization) headers.authorization = authorization;
  // fetch refuses URLs with user info; they were turned into basic auth above.
  base.username = '';
  base.password = '';

  async function send(
    method: 'GET' | 'POST',
    path: string,
    form?: URLSearchParams,
  ): Promise<HttpResponse> {
    try {
      return await transport({
        method,
        url: new URL(path, base),
        headers: form
          ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' }
          : headers,
        ...(form && { body: form.toString() }),
        timeoutMs: config.timeoutMs,
      });
    } catch (err) {
      throw new UpstreamUnavailableError(
        'prometheus',
        `${where} is unreachable: ${describeNetworkError(err, config.timeoutMs)}`,
        { cause: err },
      );
    }
  }

  // POST so that long graph queries never hit URL length limits of proxies in front of Prometheus.
  async function query(path: string, form: URLSearchParams): Promise<PromQueryData> {
    const res = await send('POST', path, form);
    const body = parseBody(res);
    if (body.status === 'error') {
      const detail = `${where} refused the query (${body.errorType}): ${body.error}`;
      throw UNAVAILABLE_ERROR_TYPES.has(body.errorType)
        ? new UpstreamUnavailableError('prometheus', detail)
        : new UpstreamError('prometheus', detail);
    }
    return body.data;
  }

  function parseBody(res: HttpResponse): PromQueryResponse {
    let json: unknown;
    try {
      json = JSON.parse(res.text);
    } catch {
      const status = `HTTP ${res.status}${res.contentType ? `, ${res.contentType}` : ''}`;
      if (res.status === 401 || res.status === 403) {
        throw new UpstreamError(
          'prometheus',
          `${where} refused Meshlens' credentials (${status}); check PROMETHEUS_TOKEN or PROMETHEUS_USERNAME/PASSWORD.`,
        );
      }
      if (res.status >= 500) {
        throw new UpstreamUnavailableError(
          'prometheus',
          `${where} answered ${status}: ${res.text.slice(0, 200)}`,
        );
      }
      throw new UpstreamError(
        'prometheus',
        `${where} answered with something other than JSON (${status}).`,
      );
    }
    const parsed = PromQueryResponse.safeParse(json);
    if (!parsed.success) {
      throw new UpstreamError(
        'prometheus',
        `${where} answered HTTP ${res.status} with JSON that is not a query result: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`,
      );
    }
    return parsed.data;
  }

  function decoded<T>(decode: () => T): T {
    try {
      return decode();
    } catch (err) {
      throw new UpstreamError(
        'prometheus',
        `${where}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  return {
    async instantQuery(q, timeMs) {
      const form = new URLSearchParams({ query: q });
      if (timeMs !== undefined) form.set('time', (timeMs / 1000).toFixed(3));
      const data = await cache.get(`instant\n${timeMs ?? 'now'}\n${q}`, () => {
        noteQuerySent();
        return query('api/v1/query', form);
      });
      return decoded(() => toSamples(data));
    },

    async rangeQuery(q, startMs, endMs, stepSeconds) {
      const form = new URLSearchParams({
        query: q,
        start: (startMs / 1000).toFixed(3),
        end: (endMs / 1000).toFixed(3),
        step: String(stepSeconds),
      });
      const key = `range\n${startMs}\n${endMs}\n${stepSeconds}\n${q}`;
      const data = await cache.get(key, () => {
        noteQuerySent();
        return query('api/v1/query_range', form);
      });
      return decoded(() => toSeries(data));
    },

    async ping() {
      try {
        const res = await send('GET', 'api/v1/status/buildinfo');
        if (res.status === 200) return { ok: true };
        return { ok: false, error: `${where} answered HTTP ${res.status} to a health check.` };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },

    limits() {
      return limitsCache.get('limits', async () => {
        const read = async <T>(path: string, schema: z.ZodType<T>): Promise<T | undefined> => {
          const res = await send('GET', path);
          if (res.status !== 200) return undefined;
          try {
            const parsed = schema.safeParse(JSON.parse(res.text));
            return parsed.success ? parsed.data : undefined;
          } catch {
            return undefined;
          }
        };
        const [config, flags] = await Promise.all([
          read('api/v1/status/config', StatusConfig),
          read('api/v1/status/flags', StatusFlags),
        ]);
        if (!config || !flags) return UNREPORTED_LIMITS;
        return { ...limitsOf(config.data.yaml, flags.data), reported: true };
      });
    },

    stats() {
      const s = cache.stats();
      return { queries: s.loads, coalesced: s.coalesced, cacheHits: s.hits };
    },
  };
}

function credentialsOf(url: URL): PrometheusAuth | undefined {
  if (!url.username) return undefined;
  return {
    kind: 'basic',
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

function authorizationHeader(auth: PrometheusAuth | undefined): string | undefined {
  if (auth?.kind === 'bearer') return `Bearer ${auth.token}`;
  if (auth?.kind === 'basic') {
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  }
  return undefined;
}

const GLOBAL_KEY = Symbol.for('meshlens.prometheusClient');

/** The process-wide client, so that every request shares one coalescing cache (kept across dev reloads). */
export function getPrometheusClient(): PrometheusClient {
  const store = globalThis as { [GLOBAL_KEY]?: PrometheusClient };
  store[GLOBAL_KEY] ??= createPrometheusClient(getConfig().prometheus);
  return store[GLOBAL_KEY];
}
