import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError, UpstreamError, UpstreamUnavailableError } from '@/lib/errors';
import { readFixture } from '@/lib/testing/fixtures';
import { createJaegerClient } from './client';

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly type?: string;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** A fake Jaeger on 127.0.0.1 whose answers come from `route(pathname, query)`; records each URL. */
async function fakeJaeger(
  route: (path: string, q: URLSearchParams) => Reply | undefined,
): Promise<{ url: string; seen: URL[] }> {
  const seen: URL[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(url);
    const reply = route(url.pathname, url.searchParams) ?? {
      status: 404,
      body: '404 page not found',
    };
    res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json' });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const V1_TRACE = JSON.parse(readFixture('jaeger/v1-ui-trace.ui_01.json')) as unknown;
const v1 = (data: unknown): Reply => ({
  status: 200,
  body: JSON.stringify({ data, total: 0, limit: 0, offset: 0, errors: null }),
});
/** Go's http.Error: JSON, labelled text/plain, with a newline. */
const v1Error = (status: number, msg: string): Reply => ({
  status,
  type: 'text/plain; charset=utf-8',
  body: `${JSON.stringify({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: status, msg }] })}\n`,
});
const v3Error = (status: number, message: string): Reply => ({
  status,
  type: 'text/plain; charset=utf-8',
  body: JSON.stringify({ error: { httpCode: status, message } }),
});
const SEARCH = {
  service: 'reviews.bookinfo',
  startUs: 1_700_000_000_000_000,
  endUs: 1_700_000_300_000_000,
  limit: 20,
};

describe('the v1 API', () => {
  it('searches with Jaeger v1 parameters and decodes the traces', async () => {
    const fake = await fakeJaeger((path) =>
      path === '/api/services'
        ? v1(['reviews.bookinfo'])
        : path === '/api/traces'
          ? v1([V1_TRACE])
          : undefined,
    );
    const client = createJaegerClient({ url: fake.url, timeoutMs: 2000 });
    const traces = await client.searchTraces({
      ...SEARCH,
      operation: 'op',
      tags: { error: 'true' },
      minDurationMs: 1.5,
    });
    expect(traces.map((t) => t.traceId)).toEqual(['0000000000000001']);
    const q = fake.seen.find((u) => u.pathname === '/api/traces')?.searchParams;
    expect(Object.fromEntries(q ?? [])).toEqual({
      service: 'reviews.bookinfo',
      start: '1700000000000000',
      end: '1700000300000000',
      limit: '20',
      operation: 'op',
      tags: '{"error":"true"}',
      minDuration: '1.5ms',
    });
  });

  it('gets a trace, and turns the text/plain 404 into NotFoundError', async () => {
    const fake = await fakeJaeger((path) => {
      if (path === '/api/services') return v1([]);
      if (path === '/api/traces/0000000000000001') return v1([V1_TRACE]);
      if (path.startsWith('/api/traces/')) return v1Error(404, 'trace not found');
      return undefined;
    });
    const client = createJaegerClient({ url: fake.url, api: 'v1', timeoutMs: 2000 });
    expect((await client.getTrace('0000000000000001')).spans).toHaveLength(5);
    await expect(client.getTrace('00000000000000ff')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reports a v1 error body sent as text/plain with its message', async () => {
    const fake = await fakeJaeger((path) =>
      path === '/api/services' ? v1([]) : v1Error(400, "parameter 'service' is required"),
    );
    const client = createJaegerClient({ url: fake.url, api: 'v1', timeoutMs: 2000 });
    const err: unknown = await client.searchTraces(SEARCH).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as Error).message).toContain(
      "answered HTTP 400 to GET /api/traces?service=reviews.bookinfo: parameter 'service' is required",
    );
  });
});

describe('the v3 API', () => {
  const V3_TRACE = readFixture('jaeger/api-v3/FindTraces.json');

  it('is detected first and searched with api_v3 parameter names (RFC 3339 times)', async () => {
    const fake = await fakeJaeger((path) =>
      path === '/api/v3/services'
        ? { status: 200, body: readFixture('jaeger/api-v3/GetServices.json') }
        : path === '/api/v3/traces'
          ? { status: 200, body: V3_TRACE }
          : undefined,
    );
    const client = createJaegerClient({ url: fake.url, timeoutMs: 2000 });
    const traces = await client.searchTraces({
      ...SEARCH,
      minDurationMs: 250,
      maxDurationMs: 2000,
    });
    expect(traces.map((t) => t.traceId)).toEqual(['00000000000000000000000000000001']);
    const q = fake.seen.find((u) => u.pathname === '/api/v3/traces')?.searchParams;
    expect(Object.fromEntries(q ?? [])).toEqual({
      'query.serviceName': 'reviews.bookinfo',
      'query.startTimeMin': '2023-11-14T22:13:20.000000Z',
      'query.startTimeMax': '2023-11-14T22:18:20.000000Z',
      'query.searchDepth': '20',
      'query.durationMin': '0.25s',
      'query.durationMax': '2s',
    });
  });

  it('reads 404 "No traces found" on a search as an empty list, and on an id as NotFoundError', async () => {
    const fake = await fakeJaeger((path) =>
      path === '/api/v3/services'
        ? { status: 200, body: '{"services":[]}' }
        : v3Error(404, 'No traces found'),
    );
    const client = createJaegerClient({ url: fake.url, timeoutMs: 2000 });
    expect(await client.searchTraces(SEARCH)).toEqual([]);
    await expect(client.getTrace('00000000000000000000000000000009')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('gets a trace by id', async () => {
    const fake = await fakeJaeger((path) =>
      path === '/api/v3/services'
        ? { status: 200, body: '{"services":[]}' }
        : path === '/api/v3/traces/00000000000000000000000000000001'
          ? { status: 200, body: readFixture('jaeger/api-v3/GetTrace.json') }
          : undefined,
    );
    const client = createJaegerClient({ url: fake.url, api: 'v3', timeoutMs: 2000 });
    const trace = await client.getTrace('00000000000000000000000000000001');
    expect(trace.spans[0]).toMatchObject({ operation: 'foobar', error: true, kind: 'server' });
  });

  it('filters tags itself, since the v3 GET search has no tag parameter', async () => {
    const otlp = (spanId: string, error: boolean): unknown => ({
      resource: {
        attributes: [{ key: 'service.name', value: { stringValue: 'reviews.bookinfo' } }],
      },
      scopeSpans: [
        {
          spans: [
            {
              traceId: `${spanId}${spanId}`,
              spanId,
              name: 'op',
              kind: 2,
              ...(error ? { attributes: [{ key: 'error', value: { boolValue: true } }] } : {}),
            },
          ],
        },
      ],
    });
    const fake = await fakeJaeger((path) =>
      path === '/api/v3/services'
        ? { status: 200, body: '{"services":[]}' }
        : path === '/api/v3/traces'
          ? {
              status: 200,
              body: JSON.stringify({
                result: {
                  resourceSpans: [otlp('0000000000000001', false), otlp('0000000000000002', true)],
                },
              }),
            }
          : undefined,
    );
    const client = createJaegerClient({ url: fake.url, timeoutMs: 2000 });
    const traces = await client.searchTraces({ ...SEARCH, tags: { error: 'true' } });
    expect(traces.map((t) => t.traceId)).toEqual(['00000000000000020000000000000002']);
  });
});

describe('failures', () => {
  it('says Jaeger is unavailable when it is down, and when it answers 503', async () => {
    const closed = await fakeJaeger(() => undefined);
    await closers.splice(0)[0]?.();
    const down = createJaegerClient({ url: closed.url, timeoutMs: 2000 });
    await expect(down.searchTraces(SEARCH)).rejects.toBeInstanceOf(UpstreamUnavailableError);

    const busy = await fakeJaeger((path) =>
      path === '/api/v3/services'
        ? { status: 200, body: '{"services":[]}' }
        : v3Error(503, 'storage down'),
    );
    const err: unknown = await createJaegerClient({ url: busy.url, timeoutMs: 2000 })
      .searchTraces(SEARCH)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamUnavailableError);
    expect((err as Error).message).toContain('storage down');
  });

  it('says what it could not read in a malformed answer', async () => {
    const fake = await fakeJaeger((path) =>
      path === '/api/services' ? v1([]) : { status: 200, body: '{"data":[{"traceID":1}]}' },
    );
    const err: unknown = await createJaegerClient({ url: fake.url, api: 'v1', timeoutMs: 2000 })
      .searchTraces(SEARCH)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as Error).message).toMatch(/unreadable answer .*0\.traceID/);
  });
});
