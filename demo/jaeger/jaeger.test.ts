import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticConfig } from '../model/static-config.js';
import { buildScenario } from '../scenarios/index.js';
import { startSimulator, type Simulator } from '../simulator.js';
import type { V1Trace } from './v1-format.js';
import type { OtlpTracesData } from './otlp-format.js';

let sim: Simulator;
const base = (): string => `${sim.url}/jaeger`;

beforeAll(async () => {
  const scenario = buildScenario('demo', 42);
  sim = await startSimulator({
    scenario,
    config: new StaticConfig(scenario.objects),
    tickMs: 100,
    historyTraces: 400,
  });
});
afterAll(async () => {
  await sim.stop();
});

async function getJson<T>(path: string): Promise<{ status: number; type: string | null; body: T }> {
  const res = await fetch(`${base()}${path}`);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as T,
  };
}

interface Envelope<T> {
  data: T;
  total: number;
  limit: number;
  offset: number;
  errors: null | { code?: number; msg: string }[];
}

const tag = (span: V1Trace['spans'][number], key: string): unknown =>
  span.tags.find((t) => t.key === key)?.value;

describe('Jaeger v1 API', () => {
  it('lists services named <canonical-service>.<namespace> in the v1 envelope', async () => {
    const { status, body } = await getJson<Envelope<string[]>>('/api/services');
    expect(status).toBe(200);
    expect(body).toMatchObject({ limit: 0, offset: 0, errors: null });
    expect(body.total).toBe(body.data.length);
    expect(body.data).toEqual(
      expect.arrayContaining([
        'istio-ingressgateway.istio-system',
        'productpage.bookinfo',
        'reviews.bookinfo',
        'ratings.bookinfo',
        'catalog.shop',
      ]),
    );
  });

  it('lists operations, by name and with span kinds', async () => {
    const legacy = await getJson<Envelope<string[]>>('/api/services/reviews.bookinfo/operations');
    expect(legacy.body.data).toEqual([
      'ratings.bookinfo.svc.cluster.local:9080/*',
      'reviews.bookinfo.svc.cluster.local:9080/*',
    ]);
    const ops = await getJson<Envelope<{ name: string; spanKind: string }[]>>(
      '/api/operations?service=reviews.bookinfo&spanKind=client',
    );
    expect(ops.body.data).toEqual([
      { name: 'ratings.bookinfo.svc.cluster.local:9080/*', spanKind: 'client' },
    ]);
  });

  it('returns full traces: one client span in the caller and one server span in the callee per hop', async () => {
    const { body } = await getJson<Envelope<V1Trace[]>>(
      '/api/traces?service=istio-ingressgateway.istio-system&operation=' +
        encodeURIComponent('productpage.bookinfo.svc.cluster.local:9080/productpage') +
        '&limit=5',
    );
    expect(body.data.length).toBe(5);
    const trace = body.data[0] as V1Trace;
    const byId = new Map(trace.spans.map((s) => [s.spanID, s]));
    const service = (s: V1Trace['spans'][number]): string =>
      trace.processes[s.processID]?.serviceName ?? '';
    const roots = trace.spans.filter((s) => s.references.length === 0);
    expect(roots).toHaveLength(1);
    expect(service(roots[0] as V1Trace['spans'][number])).toBe('istio-ingressgateway.istio-system');
    for (const s of trace.spans) {
      const kind = tag(s, 'span.kind');
      const parent = s.references[0] ? byId.get(s.references[0].spanID) : undefined;
      if (kind === 'server') {
        // The server span hangs off the client span of the same hop, in another process.
        expect(tag(parent as V1Trace['spans'][number], 'span.kind')).toBe('client');
        expect(parent?.operationName).toBe(s.operationName);
        expect(service(parent as V1Trace['spans'][number])).not.toBe(service(s));
        expect(tag(s, 'upstream_cluster')).toBe('inbound|9080||');
      } else if (parent) {
        expect(tag(parent, 'span.kind')).toBe('server');
        expect(service(parent)).toBe(service(s));
      }
      expect(tag(s, 'component')).toBe('proxy');
      expect(tag(s, 'node_id')).toMatch(
        /^(sidecar|router)~10\.244\.\d+\.\d+~[a-z0-9-]+\.[a-z-]+~[a-z-]+\.svc\.cluster\.local$/,
      );
    }
    const clientToReviews = trace.spans.find(
      (s) =>
        s.operationName === 'reviews.bookinfo.svc.cluster.local:9080/*' &&
        tag(s, 'span.kind') === 'client',
    );
    expect(tag(clientToReviews as V1Trace['spans'][number], 'upstream_cluster')).toMatch(
      /^outbound\|9080\|v[123]\|reviews\.bookinfo\.svc\.cluster\.local$/,
    );
    expect(tag(clientToReviews as V1Trace['spans'][number], 'istio.canonical_service')).toBe(
      'productpage',
    );
    const one = await getJson<Envelope<V1Trace[]>>(`/api/traces/${trace.traceID}`);
    expect(one.body.data[0]?.spans).toHaveLength(trace.spans.length);
  });

  it('filters by tags, duration and time, and marks failing spans with error=true', async () => {
    const tags = encodeURIComponent(JSON.stringify({ 'http.status_code': '503' }));
    const { body } = await getJson<Envelope<V1Trace[]>>(
      `/api/traces?service=frontend.shop&tags=${tags}&limit=3&lookback=1h`,
    );
    expect(body.data.length).toBeGreaterThan(0);
    for (const t of body.data) {
      const failing = t.spans.filter((s) => tag(s, 'http.status_code') === '503');
      expect(failing.length).toBeGreaterThan(0);
      for (const s of failing) expect(tag(s, 'error')).toBe(true);
    }
    const slow = await getJson<Envelope<V1Trace[]>>(
      '/api/traces?service=payments.shop&minDuration=300ms&maxDuration=10s&limit=5',
    );
    for (const t of slow.body.data)
      expect(t.spans.some((s) => s.duration >= 300_000 && s.duration <= 10_000_000)).toBe(true);
    const future = Date.now() * 1000 + 3_600_000_000;
    const none = await getJson<Envelope<V1Trace[]>>(
      `/api/traces?service=productpage.bookinfo&start=${future}&end=${future + 1}`,
    );
    expect(none.body).toEqual({ data: [], total: 0, limit: 0, offset: 0, errors: null });
  });

  it('answers an unknown trace with the Go http.Error body: JSON as text/plain, 404', async () => {
    const res = await fetch(`${base()}/api/traces/00000000000000000000000000abcdef`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe(
      '{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}\n',
    );
    const bad = await fetch(`${base()}/api/traces`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("parameter 'service' is required");
  });

  it('derives service dependencies from client→server span pairs', async () => {
    const { body } = await getJson<
      Envelope<{ parent: string; child: string; callCount: number }[]>
    >(`/api/dependencies?endTs=${Date.now()}&lookback=7200000`);
    const link = (p: string, c: string): number =>
      body.data.find((l) => l.parent === p && l.child === c)?.callCount ?? 0;
    expect(link('productpage.bookinfo', 'reviews.bookinfo')).toBeGreaterThan(0);
    expect(link('istio-ingressgateway.istio-system', 'productpage.bookinfo')).toBeGreaterThan(0);
    expect(link('reviews.bookinfo', 'productpage.bookinfo')).toBe(0);
  });
});

describe('Jaeger api_v3', () => {
  const window = (): string =>
    `query.start_time_min=${new Date(Date.now() - 7_200_000).toISOString()}&query.start_time_max=${new Date(Date.now() + 60_000).toISOString()}`;

  it('serves services and operations as in the snapshots', async () => {
    const services = await getJson<{ services: string[] }>('/api/v3/services');
    expect(services.body.services).toContain('reviews.bookinfo');
    const ops = await getJson<{ operations: { name: string; spanKind: string }[] }>(
      '/api/v3/operations?service=ratings.bookinfo&span_kind=server',
    );
    expect(ops.body).toEqual({
      operations: [{ name: 'ratings.bookinfo.svc.cluster.local:9080/*', spanKind: 'server' }],
    });
  });

  it('finds traces as OTLP JSON wrapped in {result}, with both parameter spellings', async () => {
    for (const q of [
      `query.service_name=reviews.bookinfo&query.search_depth=2&${window()}`,
      `query.serviceName=reviews.bookinfo&query.searchDepth=2&${window().replace(/start_time_(min|max)/g, (_m, x: string) => `startTime${x === 'min' ? 'Min' : 'Max'}`)}`,
    ]) {
      const { status, body } = await getJson<{ result: OtlpTracesData }>(`/api/v3/traces?${q}`);
      expect(status).toBe(200);
      const spans = body.result.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
      expect(new Set(spans.map((s) => s.traceId)).size).toBe(2);
      for (const s of spans) {
        expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
        expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
        expect([2, 3]).toContain(s.kind);
        expect(BigInt(s.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(s.startTimeUnixNano));
      }
      const services = body.result.resourceSpans.map(
        (r) => r.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue,
      );
      expect(services).toContain('reviews.bookinfo');
    }
  });

  it('gets one trace by id and answers 404 "No traces found" on an empty search', async () => {
    const found = await getJson<{ result: OtlpTracesData }>(
      `/api/v3/traces?query.service_name=details.bookinfo&query.search_depth=1&${window()}`,
    );
    const id = found.body.result.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.traceId ?? '';
    const one = await getJson<{ result: OtlpTracesData }>(`/api/v3/traces/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.result.resourceSpans.length).toBeGreaterThan(1);
    const res = await fetch(`${base()}/api/v3/traces?query.service_name=nobody&${window()}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('{"error":{"httpCode":404,"message":"No traces found"}}\n');
    const missing = await fetch(`${base()}/api/v3/traces?query.service_name=reviews.bookinfo`);
    expect(missing.status).toBe(400);
  });
});

describe('simulator', () => {
  it('serves /metrics as Prometheus text and 404 elsewhere without a kube handler', async () => {
    const res = await fetch(`${sim.url}/metrics`);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4');
    expect(await res.text()).toContain('# TYPE istio_requests_total counter\n');
    expect((await fetch(`${sim.url}/api/v1/namespaces`)).status).toBe(404);
  });
});
