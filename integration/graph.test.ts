import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownResponse } from '@/lib/api/metrics';
import type { MeshEdge, MeshGraph } from '@/lib/mesh/types';
import type { Stack } from '../scripts/stack/index';
import { eventually, getJson, promQuery, startTestStack } from './harness';

let stack: Stack;
let app: string;

beforeAll(async () => {
  // Twenty minutes of history, so that a window ending ten minutes ago has traffic in it.
  stack = await startTestStack({ app: true, historyMinutes: 20 });
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  await stack?.stop();
});

const BOOKINFO_EDGES = [
  ['productpage-v1', 'details-v1'],
  ['productpage-v1', 'reviews-v1'],
  ['productpage-v1', 'reviews-v2'],
  ['productpage-v1', 'reviews-v3'],
  ['reviews-v2', 'ratings-v1'],
  ['reviews-v3', 'ratings-v1'],
] as const;

const wl = (name: string): string => `wl:bookinfo:${name}`;
const httpEdgeId = (from: string, to: string): string => `${wl(from)}>${wl(to)}:http`;

async function graph(query: string): Promise<MeshGraph> {
  const { status, body } = await getJson(`${app}/api/graph?${query}`);
  if (status !== 200) throw new Error(`graph ${query}: HTTP ${status} ${JSON.stringify(body)}`);
  return body as MeshGraph;
}

/** A workload graph of bookinfo once every Bookinfo edge carries traffic. */
function bookinfoGraph(window = '5m'): Promise<MeshGraph> {
  return eventually(
    async () => {
      const g = await graph(`namespaces=bookinfo&type=workload&window=${window}`);
      const ids = new Set(g.edges.filter((e) => (e.rps ?? 0) > 0).map((e) => e.id));
      return BOOKINFO_EDGES.every(([a, b]) => ids.has(httpEdgeId(a, b))) ? g : undefined;
    },
    { what: 'Bookinfo edges with traffic' },
  );
}

/** Prometheus' own answer for one Bookinfo edge, on the source reporter (both ends have sidecars). */
async function promAnswer(from: string, to: string): Promise<{ rps: number; p95Ms: number }> {
  const sel = `reporter="source",source_workload_namespace="bookinfo",source_workload="${from}",destination_workload_namespace="bookinfo",destination_workload="${to}",request_protocol="http"`;
  const [rps] = await promQuery(stack.prometheusUrl, `sum(rate(istio_requests_total{${sel}}[5m]))`);
  const [p95] = await promQuery(
    stack.prometheusUrl,
    `histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket{${sel}}[5m])))`,
  );
  return { rps: Number(rps?.value[1]), p95Ms: Number(p95?.value[1]) };
}

const within = (actual: number | undefined, expected: number, share: number): boolean =>
  actual !== undefined && Math.abs(actual - expected) <= share * Math.abs(expected);

describe('GET /api/graph on the demo mesh', () => {
  it("draws Bookinfo's calls, and no reviews-v1 → ratings", async () => {
    const g = await bookinfoGraph();
    const ids = new Set(g.edges.map((e) => e.id));
    for (const [a, b] of BOOKINFO_EDGES) expect(ids).toContain(httpEdgeId(a, b));
    expect(
      g.edges.some((e) => e.source === wl('reviews-v1') && e.target === wl('ratings-v1')),
    ).toBe(false);
    expect(g.window).toBe('5m');
    expect(g.timestamp).toBeGreaterThan(Date.now() - 60_000);
    const reviews = g.nodes.find((n) => n.id === wl('reviews-v2'));
    expect(reviews).toMatchObject({ kind: 'workload', namespace: 'bookinfo', hasSidecar: true });
    expect(reviews?.health).toMatch(/^(healthy|degraded|failing)$/);
  });

  it("agrees with Prometheus' own rate and histogram_quantile within 10% on every edge", async () => {
    // Retried as a whole: the graph and the reference are evaluated a few ms apart.
    await eventually(
      async () => {
        const g = await bookinfoGraph();
        const byId = new Map<string, MeshEdge>(g.edges.map((e) => [e.id, e]));
        const answers = await Promise.all(BOOKINFO_EDGES.map(([a, b]) => promAnswer(a, b)));
        const off = BOOKINFO_EDGES.flatMap(([a, b], i) => {
          const edge = byId.get(httpEdgeId(a, b));
          const want = answers[i];
          if (!want) return [`${a}→${b}: no reference`];
          const bad: string[] = [];
          if (!within(edge?.rps, want.rps, 0.1))
            bad.push(`${a}→${b} rps ${edge?.rps} vs ${want.rps}`);
          if (!within(edge?.p95Ms, want.p95Ms, 0.1))
            bad.push(`${a}→${b} p95 ${edge?.p95Ms} vs ${want.p95Ms}`);
          return bad;
        });
        if (off.length > 0) throw new Error(off.join('; '));
        return true;
      },
      { timeoutMs: 30_000, what: 'graph numbers matching Prometheus' },
    );
  });

  it('costs 5 PromQL queries whatever the number of namespaces, and says where the time went', async () => {
    await bookinfoGraph();
    for (const ns of ['bookinfo', 'bookinfo,shop,istio-system']) {
      const res = await fetch(`${app}/api/graph?namespaces=${ns}&window=15m`);
      expect(res.status).toBe(200);
      expect(res.headers.get('meshlens-prometheus-queries')).toBe('5');
      expect(res.headers.get('server-timing')).toMatch(
        /prom;dur=[\d.]+;desc="5 queries".*build;dur=/,
      );
    }
  });

  it('coalesces identical concurrent requests into one build', async () => {
    const url = `${app}/api/graph?namespaces=shop,bookinfo&window=1h&type=app`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => fetch(url)));
    const timings = responses.map((r) => r.headers.get('server-timing') ?? '');
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as MeshGraph[];
    expect(timings.filter((t) => t.includes('cache;desc="miss"')).length).toBeLessThanOrEqual(1);
    expect(new Set(bodies.map((b) => b.timestamp)).size).toBe(1);
  });

  it('builds sensible app, versionedApp and service graphs', async () => {
    await bookinfoGraph();
    const appGraph = await graph('namespaces=bookinfo&type=app');
    expect(appGraph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining([
        'app:bookinfo:productpage',
        'app:bookinfo:reviews',
        'app:bookinfo:ratings',
      ]),
    );
    expect(appGraph.edges.map((e) => e.id)).toContain(
      'app:bookinfo:reviews>app:bookinfo:ratings:http',
    );
    expect(appGraph.nodes.some((n) => n.kind === 'workload' && n.namespace === 'bookinfo')).toBe(
      false,
    );

    const versioned = await graph('namespaces=bookinfo&type=versionedApp');
    const reviews = versioned.nodes.filter((n) => n.parent === 'app:bookinfo:reviews');
    expect(reviews.map((n) => n.id).sort()).toEqual([
      'ver:bookinfo:reviews:v1',
      'ver:bookinfo:reviews:v2',
      'ver:bookinfo:reviews:v3',
    ]);
    expect(versioned.nodes.find((n) => n.id === 'app:bookinfo:reviews')?.isBox).toBe(true);
    expect(versioned.edges.map((e) => e.id)).not.toContain(
      'ver:bookinfo:reviews:v1>ver:bookinfo:ratings:v1:http',
    );

    const services = await graph('namespaces=bookinfo&type=service');
    expect(services.edges.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        'svc:bookinfo:productpage>svc:bookinfo:reviews:http',
        'svc:bookinfo:reviews>svc:bookinfo:ratings:http',
      ]),
    );
  });

  it('adds idle nodes only when asked', async () => {
    const withIdle = await graph('namespaces=bookinfo,shop&idle=true');
    const without = await graph('namespaces=bookinfo,shop&idle=false');
    expect(withIdle.nodes.length).toBeGreaterThanOrEqual(without.nodes.length);
    expect(withIdle.nodes.map((n) => n.id)).toContain(wl('reviews-v1'));
  });

  it.each([
    ['', 'namespaces'],
    ['namespaces=Bookinfo', 'namespaces'],
    ['namespaces=bookinfo,a_b', 'namespaces'],
    ['namespaces=bookinfo&type=pods', 'type'],
    ['namespaces=bookinfo&window=7x', 'window'],
    ['namespaces=bookinfo&idle=maybe', 'idle'],
  ])('answers %j with a 400 problem naming %s', async (qs, param) => {
    const res = await getJson(`${app}/api/graph?${qs}`);
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, detail: expect.stringContaining(`${param}:`) });
  });
});

interface RequestSeries {
  window: string;
  stepSeconds: number;
  protocol: string;
  points: { t: number; rps2xx: number; errorRate: number | null; p95Ms: number | null }[];
}

describe('GET /api/metrics on the demo mesh', () => {
  it('charts productpage → reviews-v2 over the window', async () => {
    await bookinfoGraph();
    const q = new URLSearchParams({
      namespace: 'bookinfo',
      source: wl('productpage-v1'),
      target: wl('reviews-v2'),
      protocol: 'http',
      window: '5m',
    });
    const res = await fetch(`${app}/api/metrics?${q.toString()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('meshlens-prometheus-queries')).toBe('2');
    const body = (await res.json()) as RequestSeries;
    // 60 to 120 points over the window, at a step no finer than the stack's 1 s scrapes.
    expect(body).toMatchObject({ window: '5m', stepSeconds: 3, protocol: 'http' });
    expect(body.points).toHaveLength(100);
    const withTraffic = body.points.filter((p) => p.rps2xx > 0);
    expect(withTraffic.length).toBeGreaterThan(50);
    expect(withTraffic.every((p) => p.p95Ms !== null && p.errorRate !== null)).toBe(true);
  });

  it("charts a node's inbound traffic and a TCP edge", async () => {
    const node = await getJson(`${app}/api/metrics?node=${encodeURIComponent(wl('ratings-v1'))}`);
    expect(node.status).toBe(200);
    expect((node.body as RequestSeries).points.some((p) => p.rps2xx > 0)).toBe(true);

    const shop = await graph('namespaces=shop');
    const tcp = shop.edges.find((e) => e.protocol === 'tcp' && (e.bytesPerSecond ?? 0) > 0);
    expect(tcp).toBeDefined();
    const q = new URLSearchParams({
      source: tcp?.source ?? '',
      target: tcp?.target ?? '',
      protocol: 'tcp',
    });
    const res = await getJson(`${app}/api/metrics?${q.toString()}`);
    expect(res.status).toBe(200);
    const points = (res.body as { points: { sentBytesPerSecond: number }[] }).points;
    expect(points.some((p) => p.sentBytesPerSecond > 0)).toBe(true);
  });

  it('answers bad ids with a 400 naming the parameter', async () => {
    const res = await getJson(`${app}/api/metrics?source=pod:x&target=${wl('a')}&protocol=http`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ detail: expect.stringContaining('source:') });
  });
});

describe('with Prometheus down', () => {
  it('answers 503 problems within the deadline, then recovers', async () => {
    await stack.stopPrometheus();
    try {
      const started = Date.now();
      // A view nothing else asked for, so no cached graph hides the outage.
      const res = await getJson(`${app}/api/graph?namespaces=bookinfo&type=service&window=1m`);
      expect(Date.now() - started).toBeLessThan(11_000);
      expect(res.status).toBe(503);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ source: 'prometheus' });
      const metrics = await getJson(
        `${app}/api/metrics?node=${encodeURIComponent(wl('details-v1'))}&window=1m`,
      );
      expect(metrics.status).toBe(503);
    } finally {
      await stack.startPrometheus();
    }
  });
});

describe('any window, any past moment', () => {
  it('answers windows of 2m, 30m, 6h and 7d, and an end 10 minutes ago stamped on the graph', async () => {
    await bookinfoGraph();
    for (const window of ['2m', '30m', '6h', '7d']) {
      const g = await graph(`namespaces=bookinfo&type=workload&window=${window}`);
      expect(g.window, window).toBe(window);
      expect(g.edges.length, window).toBeGreaterThan(0);
    }
    const end = Math.floor(Date.now() / 1000) - 600;
    const past = await graph(`namespaces=bookinfo&type=workload&window=5m&end=${end}`);
    expect(past.timestamp).toBe(end * 1000);
    expect(past.edges.length).toBeGreaterThan(0);
    const rfc = new Date(end * 1000).toISOString();
    expect((await graph(`namespaces=bookinfo&window=5m&end=${rfc}`)).timestamp).toBe(end * 1000);
  });

  it('refuses a window under two scrapes and an end before the retention, naming the limit', async () => {
    const short = await getJson(`${app}/api/graph?namespaces=bookinfo&window=5s`);
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('from 1m to 30d');
    const old = Math.floor(Date.now() / 1000) - 2 * 86_400;
    const before = await getJson(`${app}/api/graph?namespaces=bookinfo&window=5m&end=${old}`);
    expect(before.status).toBe(400);
    expect(JSON.stringify(before.body)).toMatch(/Prometheus keeps 1d of data/);
    const metrics = await getJson(
      `${app}/api/metrics?node=${wl('reviews-v1')}&window=5m&end=${old}`,
    );
    expect(metrics.status).toBe(400);
    expect(JSON.stringify(metrics.body)).toMatch(/storage.tsdb.retention.time/);
  });

  it('charts a 7-day window in at most 120 points and a past moment ending at its end', async () => {
    const week = await getJson(`${app}/api/metrics?node=${wl('reviews-v2')}&window=7d`);
    expect(week.status).toBe(200);
    const body = week.body as { stepSeconds: number; points: unknown[] };
    expect(body.points.length).toBeLessThanOrEqual(120);
    expect(body.stepSeconds).toBe(7200);
    const end = Math.floor(Date.now() / 1000) - 600;
    const past = await getJson(`${app}/api/metrics?node=${wl('reviews-v2')}&window=30m&end=${end}`);
    const points = (past.body as { points: { t: number }[] }).points;
    expect(points.at(-1)?.t).toBeLessThanOrEqual(end * 1000);
    expect(points.at(-1)?.t).toBeGreaterThan((end - 60) * 1000);
  });
});

describe('golden metrics split into groups', () => {
  it('splits reviews by version, each last point agreeing with Prometheus within 10%', async () => {
    await bookinfoGraph();
    const res = await getJson(
      `${app}/api/metrics?node=svc:bookinfo:reviews&direction=inbound&by=version&window=5m`,
    );
    expect(res.status).toBe(200);
    const body = res.body as BreakdownResponse;
    expect(body).toMatchObject({ direction: 'inbound', by: 'version', reporter: 'destination' });
    expect(body.groups.map((g) => g.key).sort()).toEqual(['v1', 'v2', 'v3']);
    const lastT = body.groups[0]?.points.at(-1)?.t ?? 0;
    const rows = await promQuery(
      stack.prometheusUrl,
      `sum by (destination_version) (rate(istio_requests_total{reporter="destination",destination_service_namespace="bookinfo",destination_service_name="reviews"}[60s] @ ${lastT / 1000}))`,
    );
    for (const group of body.groups) {
      const theirs = Number(rows.find((r) => r.metric.destination_version === group.key)?.value[1]);
      const ours = group.points.at(-1)?.rps ?? 0;
      expect(theirs, group.key).toBeGreaterThan(0);
      expect(Math.abs(ours - theirs) / theirs, group.key).toBeLessThan(0.1);
      expect(group.points.at(-1)?.p95Ms, group.key).not.toBeNull();
    }
    const callers = await getJson(
      `${app}/api/metrics?node=${wl('reviews-v2')}&direction=inbound&by=remote&window=5m`,
    );
    expect((callers.body as BreakdownResponse).groups.map((g) => g.key)).toEqual([
      'bookinfo/productpage-v1',
    ]);
    const codes = await getJson(
      `${app}/api/metrics?node=${wl('productpage-v1')}&direction=outbound&by=code&reporter=both&window=5m`,
    );
    const byCode = (codes.body as BreakdownResponse).groups;
    expect(byCode.some((g) => g.key === '200' && g.reporter === 'source')).toBe(true);
  });
});
