import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { edge, node, pairs } from '../testing/graph-lookup';
import { RATINGS, REVIEWS_V1, graphInput, meshRequest, request } from '../testing/graph-samples';

describe('buildGraph: Bookinfo, workload graph', () => {
  const g = buildGraph(graphInput());

  it('has one node per workload and the Bookinfo call edges, without reviews-v1 → ratings', () => {
    expect(g.nodes.map((n) => n.id)).toEqual([
      'wl:bookinfo:details-v1',
      'wl:bookinfo:productpage-v1',
      'wl:bookinfo:ratings-v1',
      'wl:bookinfo:reviews-v1',
      'wl:bookinfo:reviews-v2',
      'wl:bookinfo:reviews-v3',
      'wl:istio-system:istio-ingressgateway',
    ]);
    expect(pairs(g)).toEqual([
      'wl:bookinfo:productpage-v1 → wl:bookinfo:details-v1 (http)',
      'wl:bookinfo:productpage-v1 → wl:bookinfo:reviews-v1 (http)',
      'wl:bookinfo:productpage-v1 → wl:bookinfo:reviews-v2 (http)',
      'wl:bookinfo:productpage-v1 → wl:bookinfo:reviews-v3 (http)',
      'wl:bookinfo:reviews-v2 → wl:bookinfo:ratings-v1 (http)',
      'wl:bookinfo:reviews-v3 → wl:bookinfo:ratings-v1 (http)',
      'wl:istio-system:istio-ingressgateway → wl:bookinfo:productpage-v1 (http)',
    ]);
  });

  it('counts each request once although both proxies report it', () => {
    const details = edge(g, 'wl:bookinfo:productpage-v1', 'wl:bookinfo:details-v1');
    expect(details.rps).toBe(30);
    expect(details.errorRate).toBeCloseTo(1 / 30, 12);
    expect(details.responseCodes).toEqual({ '2xx': 29, '3xx': 0, '4xx': 0, '5xx': 1, other: 0 });
    expect(node(g, 'wl:bookinfo:productpage-v1').rps).toBe(100);
    expect(node(g, 'wl:bookinfo:ratings-v1')).toMatchObject({ rps: 20, errorRate: 0.05 });
  });

  it('judges health per edge and per node direction', () => {
    expect(edge(g, 'wl:bookinfo:reviews-v3', 'wl:bookinfo:ratings-v1').health).toBe('failing');
    expect(edge(g, 'wl:bookinfo:reviews-v2', 'wl:bookinfo:ratings-v1').health).toBe('healthy');
    expect(node(g, 'wl:bookinfo:details-v1').health).toBe('degraded');
    // Inbound is clean, but 10% of its calls to ratings fail.
    expect(node(g, 'wl:bookinfo:reviews-v3').health).toBe('failing');
    expect(node(g, 'wl:bookinfo:reviews-v1').health).toBe('healthy');
  });

  it('marks nodes outside the selected namespaces and proxies seen reporting', () => {
    expect(node(g, 'wl:istio-system:istio-ingressgateway')).toMatchObject({
      outside: true,
      hasSidecar: true,
    });
    expect(node(g, 'wl:bookinfo:details-v1').outside).toBeUndefined();
    expect(edge(g, 'wl:bookinfo:productpage-v1', 'wl:bookinfo:details-v1').mtls).toBe(1);
  });

  it('uses a fixture with no reviews-v1 → ratings traffic', () => {
    const calls = graphInput().requests.filter(
      (s) => s.labels['source_workload'] === REVIEWS_V1.wl,
    );
    expect(calls.filter((s) => s.labels['destination_workload'] === RATINGS.wl)).toEqual([]);
  });

  it('is deterministic whatever the sample order', () => {
    const shuffled = buildGraph(graphInput({ requests: [...graphInput().requests].reverse() }));
    expect(shuffled).toEqual(g);
  });
});

describe('buildGraph: other graph types', () => {
  it('app graph merges versions', () => {
    const g = buildGraph(graphInput({ type: 'app' }));
    expect(g.nodes.map((n) => n.id)).toEqual([
      'app:bookinfo:details',
      'app:bookinfo:productpage',
      'app:bookinfo:ratings',
      'app:bookinfo:reviews',
      'app:istio-system:istio-ingressgateway',
    ]);
    expect(edge(g, 'app:bookinfo:productpage', 'app:bookinfo:reviews').rps).toBe(30);
    expect(edge(g, 'app:bookinfo:reviews', 'app:bookinfo:ratings')).toMatchObject({
      rps: 20,
      errorRate: 0.05,
      health: 'degraded',
    });
    expect(node(g, 'app:bookinfo:reviews')).toMatchObject({
      kind: 'app',
      app: 'reviews',
      rps: 30,
      health: 'degraded',
    });
  });

  it('versionedApp graph boxes the versions of an app that has several', () => {
    const g = buildGraph(graphInput({ type: 'versionedApp' }));
    expect(node(g, 'app:bookinfo:reviews')).toMatchObject({
      isBox: true,
      rps: 30,
      health: 'failing',
    });
    for (const v of ['v1', 'v2', 'v3']) {
      expect(node(g, `ver:bookinfo:reviews:${v}`)).toMatchObject({
        parent: 'app:bookinfo:reviews',
        version: v,
      });
    }
    expect(node(g, 'ver:bookinfo:productpage:v1').parent).toBeUndefined();
    expect(g.nodes.some((n) => n.id === 'app:bookinfo:productpage')).toBe(false);
    expect(edge(g, 'ver:bookinfo:reviews:v3', 'ver:bookinfo:ratings:v1').rps).toBe(10);
  });

  it('service graph goes service → service; a gateway stays a workload', () => {
    const g = buildGraph(graphInput({ type: 'service' }));
    expect(pairs(g)).toEqual([
      'svc:bookinfo:productpage → svc:bookinfo:details (http)',
      'svc:bookinfo:productpage → svc:bookinfo:reviews (http)',
      'svc:bookinfo:reviews → svc:bookinfo:ratings (http)',
      'wl:istio-system:istio-ingressgateway → svc:bookinfo:productpage (http)',
    ]);
    expect(edge(g, 'svc:bookinfo:reviews', 'svc:bookinfo:ratings').rps).toBe(20);
  });
});

describe('buildGraph: scale', () => {
  it('builds a 3000-service mesh from 10k+ rows', () => {
    const requests = [];
    for (let i = 0; i < 3000; i++) {
      const from = { ns: `ns${i % 30}`, wl: `svc${i}-v1`, app: `svc${i}`, version: 'v1' };
      const target = {
        ns: `ns${(i + 1) % 30}`,
        wl: `svc${(i + 1) % 3000}-v1`,
        app: `svc${(i + 1) % 3000}`,
        version: 'v1',
        svc: `svc${(i + 1) % 3000}`,
      };
      requests.push(
        ...meshRequest(from, target, 10),
        request(from, target, 1, { code: '503', reporter: 'source' }),
      );
    }
    const g = buildGraph(
      graphInput({
        requests,
        namespaces: ['ns0', 'ns1'],
        inventory: { namespaces: [], services: [], workloads: [], pods: [] },
      }),
    );
    expect(g.nodes).toHaveLength(3000);
    expect(g.edges).toHaveLength(3000);
    expect(g.nodes.filter((n) => n.outside === true)).toHaveLength(2800);
  });
});
