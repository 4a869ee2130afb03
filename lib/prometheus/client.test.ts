import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError, UpstreamUnavailableError } from '@/lib/errors';
import { createPrometheusClient } from './client';
import { countPrometheusQueries } from './query-count';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
}

type Reply = { status?: number; contentType?: string; body: string; delayMs?: number };

const VECTOR = JSON.stringify({
  status: 'success',
  data: {
    resultType: 'vector',
    result: [{ metric: { destination_workload: 'reviews-v1' }, value: [1767436620, '2.5'] }],
  },
});
const MATRIX = JSON.stringify({
  status: 'success',
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: {},
        values: [
          [1767436620, '1'],
          [1767436635, 'NaN'],
        ],
      },
    ],
  },
});

/** A fake Prometheus on 127.0.0.1 that records requests and answers with `reply`. */
function fakePrometheus(
  reply: (seen: Seen) => Reply,
): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const s: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        form: new URLSearchParams(body),
      };
      seen.push(s);
      const r = reply(s);
      setTimeout(() => {
        res.writeHead(r.status ?? 200, { 'content-type': r.contentType ?? 'application/json' });
        res.end(r.body);
      }, r.delayMs ?? 0);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        seen,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(
  reply: (seen: Seen) => Reply,
): Promise<Awaited<ReturnType<typeof fakePrometheus>>> {
  const fake = await fakePrometheus(reply);
  closers.push(fake.close);
  return fake;
}

describe('createPrometheusClient', () => {
  it('POSTs an instant query as a form and decodes the vector', async () => {
    const fake = await serve(() => ({ body: VECTOR }));
    const client = createPrometheusClient({ url: `${fake.url}/prefix`, timeoutMs: 2000 });
    const samples = await client.instantQuery('sum(rate(istio_requests_total[5m]))', 1767436620000);
    expect(samples).toEqual([{ labels: { destination_workload: 'reviews-v1' }, value: 2.5 }]);
    expect(fake.seen[0]).toMatchObject({
      method: 'POST',
      url: '/prefix/api/v1/query',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(fake.seen[0]?.form.get('query')).toBe('sum(rate(istio_requests_total[5m]))');
    expect(fake.seen[0]?.form.get('time')).toBe('1767436620.000');
  });

  it('sends a range query with start, end and step', async () => {
    const fake = await serve(() => ({ body: MATRIX }));
    const client = createPrometheusClient({ url: fake.url, timeoutMs: 2000 });
    const series = await client.rangeQuery('up', 1767436620000, 1767436635000, 15);
    expect(series[0]?.points[0]).toEqual({ t: 1767436620000, v: 1 });
    expect(series[0]?.points[1]?.v).toBeNaN();
    expect(fake.seen[0]?.url).toBe('/api/v1/query_range');
    expect(Object.fromEntries(fake.seen[0]?.form ?? [])).toEqual({
      query: 'up',
      start: '1767436620.000',
      end: '1767436635.000',
      step: '15',
    });
  });

  it.each([
    [{ kind: 'bearer', token: 'tok' } as const, 'Bearer tok'],
    [
      { kind: 'basic', username: 'u', password: 'p:w' } as const,
      `Basic ${Buffer.from('u:p:w').toString('base64')}`,
    ],
  ])('sends %o as the Authorization header', async (auth, header) => {
    const fake = await serve(() => ({ body: VECTOR }));
    await createPrometheusClient({ url: fake.url, auth, timeoutMs: 2000 }).instantQuery('up');
    expect(fake.seen[0]?.authorization).toBe(header);
  });

  it('coalesces identical concurrent queries into one HTTP call and counts it', async () => {
    const fake = await serve(() => ({ body: VECTOR, delayMs: 50 }));
    const client = createPrometheusClient({ url: fake.url, timeoutMs: 2000 }, { cacheTtlMs: 0 });
    const results = await Promise.all([
      client.instantQuery('up'),
      client.instantQuery('up'),
      client.instantQuery('down'),
    ]);
    expect(results[0]).toEqual(results[1]);
    expect(fake.seen).toHaveLength(2);
    expect(client.stats()).toEqual({ queries: 2, coalesced: 1, cacheHits: 0 });
  });

  it('counts for each caller only the queries it sent itself', async () => {
    const fake = await serve((seen) => ({
      body: seen.url.includes('query_range') ? MATRIX : VECTOR,
      delayMs: 50,
    }));
    let t = 0;
    const client = createPrometheusClient(
      { url: fake.url, timeoutMs: 2000 },
      { cacheTtlMs: 1000, now: () => t },
    );
    const both = (): Promise<unknown> =>
      Promise.all([client.instantQuery('up'), client.rangeQuery('up', 0, 60_000, 15)]);
    const [starter, joiner] = await Promise.all([
      countPrometheusQueries(both),
      countPrometheusQueries(both),
    ]);
    expect([starter.queries, joiner.queries]).toEqual([2, 0]);
    t = 500;
    expect((await countPrometheusQueries(both)).queries).toBe(0);
    t = 1500;
    expect((await countPrometheusQueries(both)).queries).toBe(2);
    expect(fake.seen).toHaveLength(4);
  });

  it('reuses a result within the TTL', async () => {
    const fake = await serve(() => ({ body: VECTOR }));
    let t = 0;
    const client = createPrometheusClient(
      { url: fake.url, timeoutMs: 2000 },
      { cacheTtlMs: 1000, now: () => t },
    );
    await client.instantQuery('up');
    t = 500;
    await client.instantQuery('up');
    t = 1500;
    await client.instantQuery('up');
    expect(fake.seen).toHaveLength(2);
    expect(client.stats()).toEqual({ queries: 2, coalesced: 0, cacheHits: 1 });
  });

  it("turns {status:'error'} into an UpstreamError carrying Prometheus' text", async () => {
    const fake = await serve(() => ({
      status: 400,
      body: JSON.stringify({
        status: 'error',
        errorType: 'bad_data',
        error: 'parse error at char 5: unexpected "}"',
      }),
    }));
    const err = await createPrometheusClient({ url: fake.url, timeoutMs: 2000 })
      .instantQuery('up{}}')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as Error).message).toContain('(bad_data): parse error at char 5: unexpected "}"');
  });

  it('treats a Prometheus-side timeout as unavailable', async () => {
    const fake = await serve(() => ({
      status: 503,
      body: JSON.stringify({ status: 'error', errorType: 'timeout', error: 'query timed out' }),
    }));
    await expect(
      createPrometheusClient({ url: fake.url, timeoutMs: 2000 }).instantQuery('up'),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it('turns non-JSON and unexpected JSON into an UpstreamError', async () => {
    const html = await serve(() => ({ contentType: 'text/html', body: '<html>login</html>' }));
    await expect(
      createPrometheusClient({ url: html.url, timeoutMs: 2000 }).instantQuery('up'),
    ).rejects.toThrow(/something other than JSON \(HTTP 200, text\/html\)/);
    const weird = await serve(() => ({
      body: '{"status":"success","data":{"resultType":"vector","result":{}}}',
    }));
    await expect(
      createPrometheusClient({ url: weird.url, timeoutMs: 2000 }).instantQuery('up'),
    ).rejects.toBeInstanceOf(UpstreamError);
  });

  it('names the credentials on 401', async () => {
    const fake = await serve(() => ({
      status: 401,
      contentType: 'text/plain',
      body: 'Unauthorized',
    }));
    await expect(
      createPrometheusClient({ url: fake.url, timeoutMs: 2000 }).instantQuery('up'),
    ).rejects.toThrow('check PROMETHEUS_TOKEN');
  });

  it('refuses a matrix where an instant vector was expected', async () => {
    const fake = await serve(() => ({ body: MATRIX }));
    await expect(
      createPrometheusClient({ url: fake.url, timeoutMs: 2000 }).instantQuery('up[5m]'),
    ).rejects.toThrow('Expected an instant vector');
  });

  it('maps a refused connection to UpstreamUnavailableError naming the URL and cause', async () => {
    const fake = await fakePrometheus(() => ({ body: VECTOR }));
    await fake.close();
    const err = await createPrometheusClient({
      url: `http://user:secret@${fake.url.slice(7)}`,
      timeoutMs: 2000,
    })
      .instantQuery('up')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamUnavailableError);
    expect((err as Error).message).toMatch(
      /^Prometheus at http:\/\/127\.0\.0\.1:\d+ is unreachable: connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
    );
    expect((err as Error).message).not.toContain('secret');
  });

  it('sends credentials embedded in PROMETHEUS_URL as basic auth', async () => {
    const fake = await serve(() => ({ body: VECTOR }));
    await createPrometheusClient({
      url: `http://us%40er:p%3Aw@${fake.url.slice(7)}`,
      timeoutMs: 2000,
    }).instantQuery('up');
    expect(fake.seen[0]?.authorization).toBe(
      `Basic ${Buffer.from('us@er:p:w').toString('base64')}`,
    );
  });

  it('maps a timeout to UpstreamUnavailableError', async () => {
    const fake = await serve(() => ({ body: VECTOR, delayMs: 500 }));
    await expect(
      createPrometheusClient({ url: fake.url, timeoutMs: 50 }).instantQuery('up'),
    ).rejects.toThrow('is unreachable: timed out after 50 ms');
  });

  it('ping() reports ok, an HTTP failure, or the connection error', async () => {
    const fake = await serve((s) =>
      s.url === '/api/v1/status/buildinfo' ? { body: '{}' } : { status: 404, body: '' },
    );
    expect(await createPrometheusClient({ url: fake.url, timeoutMs: 2000 }).ping()).toEqual({
      ok: true,
    });
    const bad = await serve(() => ({ status: 500, body: '' }));
    expect(await createPrometheusClient({ url: bad.url, timeoutMs: 2000 }).ping()).toEqual({
      ok: false,
      error: `Prometheus at ${bad.url} answered HTTP 500 to a health check.`,
    });
    const down = await fakePrometheus(() => ({ body: '' }));
    await down.close();
    const result = await createPrometheusClient({ url: down.url, timeoutMs: 2000 }).ping();
    expect(result.ok).toBe(false);
    expect(result.error).toContain('ECONNREFUSED');
  });
});

describe('createPrometheusClient with PROMETHEUS_CA_FILE', () => {
  let dir = '';
  let server: https.Server | undefined;
  let url = '';
  let ca = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'meshlens-ca-'));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(cert, 'utf8');
    const s = https.createServer({ key: readFileSync(key), cert: ca }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(VECTOR);
    });
    server = s;
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(s.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    const s = server;
    if (s)
      await new Promise<void>((resolve) => {
        s.closeAllConnections();
        s.close(() => resolve());
      });
    rmSync(dir, { recursive: true, force: true });
  });

  it('trusts the configured CA', async () => {
    const samples = await createPrometheusClient({ url, ca, timeoutMs: 2000 }).instantQuery('up');
    expect(samples[0]?.value).toBe(2.5);
  });

  it('without the CA the self-signed server is unavailable', async () => {
    await expect(
      createPrometheusClient({ url, timeoutMs: 2000 }).instantQuery('up'),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });
});
