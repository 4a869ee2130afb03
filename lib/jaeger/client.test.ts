import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readFixture } from '@/lib/testing/fixtures';
import { createJaegerClient } from './client';

const V3_SERVICES = readFixture('jaeger/api-v3/GetServices.json');
const V1_SERVICES = JSON.stringify({
  data: ['productpage'],
  total: 1,
  limit: 0,
  offset: 0,
  errors: null,
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** A fake Jaeger query service serving the given paths; everything else is a 404. */
async function fakeJaeger(
  routes: Record<string, string>,
  delayMs = 0,
): Promise<{ url: string; paths: string[] }> {
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    const body = routes[req.url ?? ''];
    setTimeout(() => {
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
      res.end(body ?? '404 page not found');
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths };
}

describe('createJaegerClient().ping', () => {
  it('detects the v3 API first', async () => {
    const fake = await fakeJaeger({
      '/api/v3/services': V3_SERVICES,
      '/api/services': V1_SERVICES,
    });
    expect(await createJaegerClient({ url: fake.url, timeoutMs: 2000 }).ping()).toEqual({
      ok: true,
      api: 'v3',
    });
  });

  it('falls back to v1 when v3 is not served', async () => {
    const fake = await fakeJaeger({ '/api/services': V1_SERVICES });
    expect(await createJaegerClient({ url: fake.url, timeoutMs: 2000 }).ping()).toEqual({
      ok: true,
      api: 'v1',
    });
    expect(fake.paths).toEqual(['/api/v3/services', '/api/services']);
  });

  it('uses only the configured API', async () => {
    const fake = await fakeJaeger({ '/api/v3/services': V3_SERVICES });
    const ping = await createJaegerClient({ url: fake.url, api: 'v1', timeoutMs: 2000 }).ping();
    expect(ping).toEqual({
      ok: false,
      error: `Jaeger at ${fake.url} answered HTTP 404 to GET /api/services.`,
    });
  });

  it('reports a refused connection and a timeout', async () => {
    const closed = await fakeJaeger({});
    await closers.splice(0)[0]?.();
    const refused = await createJaegerClient({ url: closed.url, timeoutMs: 2000 }).ping();
    expect(refused).toEqual({
      ok: false,
      error: `Jaeger at ${closed.url} is unreachable: connect ECONNREFUSED ${closed.url.slice(7)}`,
    });
    const slow = await fakeJaeger({ '/api/v3/services': V3_SERVICES }, 300);
    expect(await createJaegerClient({ url: slow.url, timeoutMs: 50 }).ping()).toMatchObject({
      ok: false,
      error: expect.stringContaining('timed out after 50 ms'),
    });
  });
});
