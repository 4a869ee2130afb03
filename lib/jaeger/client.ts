import 'server-only';
import { getConfig, redact, type JaegerConfig } from '@/lib/config';
import { describeNetworkError, UpstreamError, UpstreamUnavailableError } from '@/lib/errors';

export type JaegerApi = 'v1' | 'v3';

export interface JaegerPing {
  readonly ok: boolean;
  readonly error?: string;
  /** The API the server answered on; set when `ok`. */
  readonly api?: JaegerApi;
}

export interface JaegerClient {
  ping(): Promise<JaegerPing>;
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

  return {
    async ping() {
      try {
        return { ok: true, api: await detect() };
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
  };
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
