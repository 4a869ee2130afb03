import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJaegerClient } from '@/lib/jaeger/client';
import type { Trace, TraceSummary } from '@/lib/mesh/traces/types';
import { startApp } from '../scripts/stack/app';
import type { Child } from '../scripts/stack/child';
import { freePort } from '../scripts/stack/free-port';
import type { Stack } from '../scripts/stack/index';
import { eventually, getJson, startTestStack } from './harness';

interface ListBody {
  traces: TraceSummary[];
  tracing: { configured: boolean; jaegerUiUrl?: string };
  searched: { services: string[]; traces: number };
}
interface TraceBody {
  trace: Trace;
  criticalPath: { spanId: string; startUs: number; endUs: number }[];
  jaegerUiUrl?: string;
}

const EDGE = 'namespace=bookinfo&source=productpage&target=reviews&window=15m&limit=20';

let stack: Stack;
/** Meshlens as the stack starts it: API detected (v3 first). */
let app: string;
const extra: Child[] = [];
const apps: Record<'v1' | 'down' | 'unset', string> = { v1: '', down: '', unset: '' };

async function anotherApp(name: string, env: Record<string, string>): Promise<string> {
  const started = await startApp({
    port: await freePort(),
    env: { ...stack.appEnv, ...env },
    logFile: path.join(stack.dir, `meshlens-${name}.log`),
  });
  extra.push(started.child);
  return started.url;
}

beforeAll(async () => {
  stack = await startTestStack({ app: true, appEnv: { JAEGER_UI_URL: 'http://jaeger.example/' } });
  app = stack.appUrl ?? '';
  apps.v1 = await anotherApp('v1', { JAEGER_API: 'v1' });
  apps.down = await anotherApp('down', { JAEGER_URL: `http://127.0.0.1:${await freePort()}` });
  apps.unset = await anotherApp('unset', { JAEGER_URL: '' });
});

afterAll(async () => {
  for (const c of extra) await c.stop();
  await stack?.stop();
});

/**
 * The hop checked without lib/mesh: a reviews span whose parent is a productpage span, or a
 * productpage client span sent to reviews that never got an answer span.
 */
function hasHop(trace: Trace): boolean {
  const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
  const parents = new Set(trace.spans.map((s) => s.parentId));
  return trace.spans.some((s) => {
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    if (s.service === 'reviews.bookinfo' && parent?.service === 'productpage.bookinfo') return true;
    return (
      s.service === 'productpage.bookinfo' &&
      s.kind === 'client' &&
      !parents.has(s.spanId) &&
      String(s.tags.upstream_cluster).endsWith('|reviews.bookinfo.svc.cluster.local')
    );
  });
}

async function listed(base: string, query = EDGE): Promise<ListBody> {
  return eventually(
    async () => {
      const { status, body } = await getJson(`${base}/api/traces?${query}`);
      const list = body as ListBody;
      return status === 200 && list.traces.length > 0 ? list : undefined;
    },
    { what: `traces listed by ${base}` },
  );
}

describe('GET /api/traces on the demo mesh', () => {
  it('lists only traces that really contain the productpage → reviews hop (v3 detected)', async () => {
    const list = await listed(app);
    expect(list.tracing).toEqual({ configured: true, jaegerUiUrl: 'http://jaeger.example' });
    expect(list.searched.services).toEqual(['reviews.bookinfo']);
    expect(list.traces.length).toBeLessThanOrEqual(20);
    const starts = list.traces.map((t) => t.startTime);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    for (const summary of list.traces) {
      const { status, body } = await getJson(`${app}/api/traces/${summary.traceId}`);
      expect(status).toBe(200);
      const { trace, criticalPath, jaegerUiUrl } = body as TraceBody;
      expect(trace.spans).toHaveLength(summary.spanCount);
      expect(summary.services).toEqual(
        expect.arrayContaining(['productpage.bookinfo', 'reviews.bookinfo']),
      );
      expect(hasHop(trace), summary.traceId).toBe(true);
      expect(criticalPath.length).toBeGreaterThan(0);
      expect(jaegerUiUrl).toBe(`http://jaeger.example/trace/${summary.traceId}`);
    }
  });

  it('sorts slowest first, filters errors and duration, and lists a node alone', async () => {
    const slow = await listed(app, `${EDGE}&sort=slowest&limit=5`);
    const durations = slow.traces.map((t) => t.durationMs);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    const min = durations[durations.length - 1] ?? 0;
    const filtered = (await getJson(`${app}/api/traces?${EDGE}&minDurationMs=${Math.floor(min)}`))
      .body as ListBody;
    expect(filtered.traces.every((t) => t.durationMs >= Math.floor(min))).toBe(true);
    const errors = (await getJson(`${app}/api/traces?${EDGE}&errorsOnly=true&window=1h`))
      .body as ListBody;
    expect(errors.traces.every((t) => t.error)).toBe(true);
    const node = await listed(app, 'namespace=bookinfo&target=ratings&window=15m');
    expect(node.traces.every((t) => t.services.includes('ratings.bookinfo'))).toBe(true);
  });

  it('answers the same through the v1 API (JAEGER_API=v1)', async () => {
    const list = await listed(apps.v1);
    for (const summary of list.traces.slice(0, 5)) {
      const v1 = (await getJson(`${apps.v1}/api/traces/${summary.traceId}`)).body as TraceBody;
      const v3 = (await getJson(`${app}/api/traces/${summary.traceId}`)).body as TraceBody;
      expect(hasHop(v1.trace)).toBe(true);
      expect(v1.trace.spans.map((s) => [s.spanId, s.parentId, s.service, s.kind, s.error])).toEqual(
        v3.trace.spans.map((s) => [s.spanId, s.parentId, s.service, s.kind, s.error]),
      );
    }
  });

  it('finds the same traces through both Jaeger APIs with the client itself', async () => {
    // The simulator adds each second's traces after that second ends; a window closed well in
    // the past cannot gain a trace between the two searches.
    const endUs = (Date.now() - 15_000) * 1000;
    const search = { service: 'reviews.bookinfo', startUs: endUs - 600e6, endUs, limit: 50 };
    const v1 = await createJaegerClient({
      url: stack.jaegerUrl,
      api: 'v1',
      timeoutMs: 5000,
    }).searchTraces(search);
    const v3 = await createJaegerClient({
      url: stack.jaegerUrl,
      api: 'v3',
      timeoutMs: 5000,
    }).searchTraces(search);
    expect(v1.length).toBeGreaterThan(0);
    expect(new Set(v1.map((t) => t.traceId))).toEqual(new Set(v3.map((t) => t.traceId)));
    const none = { ...search, service: 'no-such-service.bookinfo' };
    expect(
      await createJaegerClient({ url: stack.jaegerUrl, api: 'v3', timeoutMs: 5000 }).searchTraces(
        none,
      ),
    ).toEqual([]);
  });

  it('answers 404 for an unknown trace id and 400 for bad parameters, as problem+json', async () => {
    const missing = await getJson(`${app}/api/traces/0123456789abcdef0123456789abcdef`);
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
    const missingV1 = await getJson(`${apps.v1}/api/traces/0123456789abcdef`);
    expect(missingV1.status).toBe(404);
    for (const [query, param] of [
      ['namespace=bookinfo&target=reviews&window=31d', 'window'],
      ['namespace=Bookinfo&target=reviews', 'namespace'],
      ['namespace=bookinfo&target=reviews&limit=500', 'limit'],
      ['namespace=bookinfo', 'target'],
    ] as const) {
      const res = await getJson(`${app}/api/traces?${query}`);
      expect(res.status, query).toBe(400);
      expect((res.body as { detail: string }).detail, query).toContain(param);
    }
    const badId = await getJson(`${app}/api/traces/not-hex`);
    expect(badId.status).toBe(400);
  });

  it('says when tracing is not configured, and 503 when Jaeger is down while the rest works', async () => {
    const unset = await getJson(`${apps.unset}/api/traces?${EDGE}`);
    expect(unset).toMatchObject({
      status: 200,
      body: { traces: [], tracing: { configured: false } },
    });
    const down = await getJson(`${apps.down}/api/traces?${EDGE}`);
    expect(down.status).toBe(503);
    expect(down.type).toContain('application/problem+json');
    expect(down.body).toMatchObject({
      source: 'jaeger',
      detail: expect.stringContaining('unreachable'),
    });
    expect((await getJson(`${apps.down}/api/traces/0123456789abcdef`)).status).toBe(503);
    expect((await getJson(`${apps.down}/api/namespaces`)).status).toBe(200);
  });
});
