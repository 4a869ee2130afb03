import { describe, expect, it } from 'vitest';
import { HEALTH_THRESHOLDS_ANNOTATION } from '../health/rules';
import type { MeshEdge, MeshGraph, MeshNode } from '../types';
import { buildGraph } from './build-graph';
import {
  BOOKINFO_INVENTORY,
  DETAILS,
  PRODUCTPAGE,
  RATINGS,
  REVIEWS_V1,
  REVIEWS_V2,
  UNKNOWN_PEER,
  durations,
  graphInput,
  meshRequest,
  request,
  tcpBytes,
  to,
  workload,
} from '../testing/graph-samples';

function node(g: MeshGraph, id: string): MeshNode {
  const n = g.nodes.find((x) => x.id === id);
  if (n === undefined) throw new Error(`no node ${id} in ${g.nodes.map((x) => x.id).join(', ')}`);
  return n;
}

function edge(g: MeshGraph, source: string, target: string, protocol = 'http'): MeshEdge {
  const e = g.edges.find(
    (x) => x.source === source && x.target === target && x.protocol === protocol,
  );
  if (e === undefined) throw new Error(`no ${protocol} edge ${source} → ${target}`);
  return e;
}

const pairs = (g: MeshGraph): string[] =>
  g.edges.map((e) => `${e.source} → ${e.target} (${e.protocol})`);

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

describe('buildGraph: protocols and reporters', () => {
  const CLIENT = { ns: 'bookinfo', wl: 'client-v1', app: 'client', version: 'v1' };
  const BANK = { ns: 'bank', wl: 'deposit-v1', app: 'deposit', version: 'v1' };

  it('gRPC: statuses 1–16 are errors; http and grpc edges between the same nodes stay apart', () => {
    const g = buildGraph(
      graphInput({
        requests: [
          ...meshRequest(CLIENT, to(BANK, 'deposit'), 8, { protocol: 'grpc' }),
          ...meshRequest(CLIENT, to(BANK, 'deposit'), 2, { protocol: 'grpc', grpc: '14' }),
          ...meshRequest(CLIENT, to(BANK, 'deposit'), 5),
        ],
      }),
    );
    const grpc = edge(g, 'wl:bookinfo:client-v1', 'wl:bank:deposit-v1', 'grpc');
    expect(grpc).toMatchObject({ rps: 10, errorRate: 0.2, health: 'failing' });
    expect(grpc.responseCodes).toEqual({ '2xx': 8, '3xx': 0, '4xx': 0, '5xx': 0, other: 2 });
    expect(edge(g, 'wl:bookinfo:client-v1', 'wl:bank:deposit-v1', 'http')).toMatchObject({
      rps: 5,
      errorRate: 0,
    });
    expect(node(g, 'wl:bank:deposit-v1')).toMatchObject({ outside: true, rps: 15 });
  });

  it('TCP: bytes both ways, mTLS share by bytes, node alive without requests', () => {
    const DB = { ns: 'bookinfo', wl: 'mysql-v1', app: 'mysql', version: 'v1' };
    const g = buildGraph(
      graphInput({
        requests: [],
        tcpSent: [
          tcpBytes(RATINGS, to(DB, 'mysql'), 300, { reporter: 'source' }),
          tcpBytes(RATINGS, to(DB, 'mysql'), 300, { reporter: 'destination' }),
        ],
        tcpReceived: [
          tcpBytes(RATINGS, to(DB, 'mysql'), 50, { reporter: 'source', security: 'none' }),
          tcpBytes(RATINGS, to(DB, 'mysql'), 50, { reporter: 'source' }),
          tcpBytes(RATINGS, to(DB, 'mysql'), 100, { reporter: 'destination' }),
        ],
      }),
    );
    const e = edge(g, 'wl:bookinfo:ratings-v1', 'wl:bookinfo:mysql-v1', 'tcp');
    expect(e).toMatchObject({
      bytesPerSecond: 400,
      sentBytesPerSecond: 300,
      receivedBytesPerSecond: 100,
      errorRate: 0,
    });
    expect(e.rps).toBeUndefined();
    expect(e.mtls).toBeCloseTo(350 / 400, 12);
    expect(node(g, 'wl:bookinfo:mysql-v1')).toMatchObject({ health: 'healthy', rps: 0 });
  });

  it('unknown source: only the destination reporter exists', () => {
    const g = buildGraph(
      graphInput({
        requests: [
          request(UNKNOWN_PEER, to(PRODUCTPAGE, 'productpage'), 7, {
            reporter: 'destination',
            security: 'none',
          }),
        ],
      }),
    );
    expect(node(g, 'unknown')).toMatchObject({
      kind: 'unknown',
      namespace: 'unknown',
      health: 'healthy',
      rps: 0,
    });
    expect(node(g, 'unknown').outside).toBeUndefined();
    expect(edge(g, 'unknown', 'wl:bookinfo:productpage-v1')).toMatchObject({ rps: 7, mtls: 0 });
  });

  it('a workload without a sidecar: destination reports only, plaintext', () => {
    const LEGACY = { ns: 'bookinfo', wl: 'legacy-v1', app: 'legacy', version: 'v1' };
    const g = buildGraph(
      graphInput({
        requests: [
          request(LEGACY, to(DETAILS, 'details'), 4, { reporter: 'destination', security: 'none' }),
        ],
        inventory: {
          ...BOOKINFO_INVENTORY,
          workloads: [
            ...BOOKINFO_INVENTORY.workloads,
            workload('bookinfo', 'legacy-v1', { hasSidecar: false }),
          ],
        },
      }),
    );
    expect(edge(g, 'wl:bookinfo:legacy-v1', 'wl:bookinfo:details-v1')).toMatchObject({
      rps: 4,
      mtls: 0,
    });
    expect(node(g, 'wl:bookinfo:legacy-v1').hasSidecar).toBe(false);
    expect(node(g, 'wl:bookinfo:details-v1').hasSidecar).toBe(true);
  });

  it('mTLS share: mixed traffic gives 0.5; unknown on the source report takes the destination share', () => {
    const mixed = [
      request(PRODUCTPAGE, to(DETAILS, 'details'), 5, {
        reporter: 'source',
        security: 'mutual_tls',
      }),
      request(PRODUCTPAGE, to(DETAILS, 'details'), 5, { reporter: 'source', security: 'none' }),
    ];
    expect(
      edge(
        buildGraph(graphInput({ requests: mixed })),
        'wl:bookinfo:productpage-v1',
        'wl:bookinfo:details-v1',
      ).mtls,
    ).toBe(0.5);

    const unknownOnSource = [
      request(PRODUCTPAGE, to(DETAILS, 'details'), 10, { reporter: 'source', security: 'unknown' }),
      request(PRODUCTPAGE, to(DETAILS, 'details'), 5, {
        reporter: 'destination',
        security: 'mutual_tls',
      }),
      request(PRODUCTPAGE, to(DETAILS, 'details'), 5, {
        reporter: 'destination',
        security: 'none',
      }),
    ];
    const e = edge(
      buildGraph(graphInput({ requests: unknownOnSource })),
      'wl:bookinfo:productpage-v1',
      'wl:bookinfo:details-v1',
    );
    expect(e).toMatchObject({ rps: 10, mtls: 0.5 });
  });

  it('the source reporter wins: it alone sees client-side failures', () => {
    const g = buildGraph(
      graphInput({
        requests: [
          ...meshRequest(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 9),
          // Timed out at the client: the server answered 200 late, the client reported 504 UT.
          request(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 1, {
            reporter: 'source',
            code: '504',
            flags: 'UT',
          }),
          request(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 1, { reporter: 'destination' }),
        ],
      }),
    );
    expect(edge(g, 'wl:bookinfo:productpage-v1', 'wl:bookinfo:reviews-v2')).toMatchObject({
      rps: 10,
      errorRate: 0.1,
    });
  });
});

describe('buildGraph: latency', () => {
  it('computes percentiles from summed bucket rates of the chosen reporter', () => {
    const g = buildGraph(
      graphInput({
        type: 'app',
        durations: [
          ...durations(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'), {
            '1': 0,
            '5': 10,
            '10': 10,
            '+Inf': 10,
          }),
          ...durations(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), {
            '1': 0,
            '5': 0,
            '10': 10,
            '+Inf': 10,
          }),
          // Ignored: the source reporter covers this raw edge.
          ...durations(
            PRODUCTPAGE,
            to(REVIEWS_V2, 'reviews'),
            { '1': 100, '5': 100, '10': 100, '+Inf': 100 },
            { reporter: 'destination' },
          ),
        ],
      }),
    );
    const e = edge(g, 'app:bookinfo:productpage', 'app:bookinfo:reviews');
    // Summed: le 1 → 0, 5 → 10, 10 → 20, +Inf → 20; rank 10 ends exactly at 5, rank 19 at 9.5.
    expect(e.p50Ms).toBe(5);
    expect(e.p95Ms).toBeCloseTo(9.5, 12);
    expect(e.p99Ms).toBeCloseTo(9.9, 12);
  });

  it('leaves percentiles out for a +Inf-only histogram', () => {
    const g = buildGraph(
      graphInput({ durations: durations(PRODUCTPAGE, to(DETAILS, 'details'), { '+Inf': 30 }) }),
    );
    const e = edge(g, 'wl:bookinfo:productpage-v1', 'wl:bookinfo:details-v1');
    expect(e.p50Ms).toBeUndefined();
    expect(e.p99Ms).toBeUndefined();
  });
});

describe('buildGraph: destinations outside the mesh or unresolved', () => {
  it('PassthroughCluster and MESH_EXTERNAL ServiceEntry hosts become external nodes', () => {
    const g = buildGraph(
      graphInput({
        externalHosts: ['api.stripe.example', '*.googleapis.example'],
        requests: [
          request(REVIEWS_V1, { svc: 'PassthroughCluster' }, 2, { security: 'unknown' }),
          request(REVIEWS_V1, { svc: 'api.stripe.example', svcNs: 'bookinfo' }, 3, {
            security: 'unknown',
            code: '502',
          }),
          request(REVIEWS_V1, { svc: 'storage.googleapis.example', svcNs: 'bookinfo' }, 1, {
            security: 'unknown',
          }),
        ],
      }),
    );
    expect(node(g, 'ext:PassthroughCluster')).toMatchObject({
      kind: 'external',
      name: 'PassthroughCluster',
    });
    expect(node(g, 'ext:api.stripe.example')).toMatchObject({
      kind: 'external',
      rps: 3,
      errorRate: 1,
      health: 'failing',
    });
    expect(node(g, 'ext:storage.googleapis.example').kind).toBe('external');
    expect(edge(g, 'wl:bookinfo:reviews-v1', 'ext:PassthroughCluster')).toMatchObject({
      rps: 2,
      mtls: 0,
    });
  });

  it('requests no workload served point at the service; unrouted ones at the unknown destination', () => {
    const g = buildGraph(
      graphInput({
        requests: [
          request(PRODUCTPAGE, { svc: 'reviews', svcNs: 'bookinfo' }, 1, {
            code: '503',
            flags: 'UH',
          }),
          request(PRODUCTPAGE, { svc: 'unknown' }, 2, { code: '404', flags: 'NR' }),
        ],
      }),
    );
    expect(node(g, 'svc:bookinfo:reviews')).toMatchObject({ kind: 'service', errorRate: 1 });
    expect(node(g, 'unknown:destination')).toMatchObject({ kind: 'unknown', rps: 2 });
    expect(edge(g, 'wl:bookinfo:productpage-v1', 'unknown:destination')).toMatchObject({
      clientErrorRate: 1,
      health: 'failing',
    });
  });
});

describe('buildGraph: inventory', () => {
  it('adds idle nodes on request; a silent workload with no ready pod is failing', () => {
    const inventory = {
      ...BOOKINFO_INVENTORY,
      workloads: [
        ...BOOKINFO_INVENTORY.workloads,
        workload('bookinfo', 'quiet-v1'),
        workload('bookinfo', 'broken-v1', { readyReplicas: 0, desiredReplicas: 2 }),
      ],
      services: [
        ...BOOKINFO_INVENTORY.services,
        { namespace: 'bookinfo', name: 'quiet', selector: {}, ports: [] },
      ],
    };
    const without = buildGraph(graphInput({ inventory }));
    expect(without.nodes.some((n) => n.id === 'wl:bookinfo:quiet-v1')).toBe(false);

    const g = buildGraph(graphInput({ inventory, includeIdle: true }));
    expect(node(g, 'wl:bookinfo:quiet-v1')).toMatchObject({ health: 'idle', rps: 0 });
    expect(node(g, 'wl:bookinfo:broken-v1').health).toBe('failing');
    // Not in the selection: no idle node for the gateway namespace.
    expect(g.nodes.filter((n) => n.namespace === 'istio-system')).toHaveLength(1);

    expect(
      node(
        buildGraph(graphInput({ inventory, includeIdle: true, type: 'service' })),
        'svc:bookinfo:quiet',
      ).health,
    ).toBe('idle');
    expect(
      node(
        buildGraph(graphInput({ inventory, includeIdle: true, type: 'app' })),
        'app:bookinfo:quiet',
      ).health,
    ).toBe('idle');
  });

  it('joins readiness into node health', () => {
    const inventory = {
      ...BOOKINFO_INVENTORY,
      workloads: BOOKINFO_INVENTORY.workloads.map((w) =>
        w.name === 'reviews-v2' ? { ...w, desiredReplicas: 2, readyReplicas: 1 } : w,
      ),
    };
    const g = buildGraph(graphInput({ inventory }));
    expect(node(g, 'wl:bookinfo:reviews-v2').health).toBe('degraded');
    expect(
      node(buildGraph(graphInput({ inventory, type: 'app' })), 'app:bookinfo:reviews').health,
    ).toBe('degraded');
  });

  it('applies namespace and workload threshold annotations', () => {
    const lenient = { [HEALTH_THRESHOLDS_ANNOTATION]: '5xx=degraded:5,failing:50' };
    const inventory = {
      ...BOOKINFO_INVENTORY,
      namespaces: [{ name: 'bookinfo', labels: {}, annotations: lenient }],
      workloads: BOOKINFO_INVENTORY.workloads.map((w) =>
        w.name === 'ratings-v1'
          ? { ...w, annotations: { [HEALTH_THRESHOLDS_ANNOTATION]: '5xx=degraded:1' } }
          : w,
      ),
    };
    const g = buildGraph(graphInput({ inventory }));
    expect(node(g, 'wl:bookinfo:details-v1').health).toBe('healthy'); // 3.3% < 5%
    expect(edge(g, 'wl:bookinfo:reviews-v3', 'wl:bookinfo:ratings-v1').health).toBe('degraded'); // 10% < 50%
    expect(node(g, 'wl:bookinfo:ratings-v1').health).toBe('degraded'); // 5% ≥ its own 1%
    expect(node(g, 'wl:istio-system:istio-ingressgateway').health).toBe('healthy');
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
