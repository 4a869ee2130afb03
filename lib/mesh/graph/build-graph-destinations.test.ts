import { describe, expect, it } from 'vitest';
import { HEALTH_THRESHOLDS_ANNOTATION } from '../health/rules';
import { buildGraph } from './build-graph';
import { edge, node } from '../testing/graph-lookup';
import type { MeshGraph } from '../types';

const pairsTo = (g: MeshGraph, name: string): string[] =>
  g.edges.filter((e) => e.target.includes(name)).map((e) => e.target);
import {
  BOOKINFO_INVENTORY,
  PRODUCTPAGE,
  RATINGS,
  REVIEWS_V1,
  graphInput,
  request,
  tcpBytes,
  workload,
} from '../testing/graph-samples';

const EGRESS = { ns: 'istio-system', wl: 'istio-egressgateway', app: 'istio-egressgateway' };

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

describe('buildGraph: destinations whose service namespace is unknown', () => {
  it('go to the workload that answered, e.g. the egress gateway, in every graph type', () => {
    const requests = [
      request(PRODUCTPAGE, { ...EGRESS, svc: 'edition.example.com', svcNs: 'unknown' }, 2),
    ];
    expect(
      edge(
        buildGraph(graphInput({ requests })),
        'wl:bookinfo:productpage-v1',
        'wl:istio-system:istio-egressgateway',
      ).rps,
    ).toBe(2);
    const services = buildGraph(graphInput({ requests, type: 'service' }));
    expect(pairsTo(services, 'istio-egressgateway')).toEqual([
      'wl:istio-system:istio-egressgateway',
    ]);
    expect(services.nodes.some((n) => n.kind === 'unknown')).toBe(false);
  });

  it('go to the service a host or name says when no workload answered', () => {
    const g = buildGraph(
      graphInput({
        requests: [
          request(
            PRODUCTPAGE,
            { svc: 'istio-egressgateway.istio-system.svc.cluster.local', svcNs: 'unknown' },
            1,
            { code: '503', flags: 'UH' },
          ),
          request(PRODUCTPAGE, { svc: 'legacy.example.com', svcNs: 'unknown' }, 3, {
            code: '503',
            flags: 'UF',
          }),
        ],
      }),
    );
    expect(node(g, 'svc:istio-system:istio-egressgateway')).toMatchObject({ errorRate: 1 });
    expect(node(g, 'svc:unknown:legacy.example.com')).toMatchObject({ outside: true, rps: 3 });
    expect(g.nodes.some((n) => n.id === 'unknown:destination')).toBe(false);
  });

  it("go to the app Istio's canonical service names when neither workload nor service is known", () => {
    const requests = [
      request(
        PRODUCTPAGE,
        { svc: 'unknown', svcNs: 'unknown', ns: 'bookinfo', wl: 'unknown', app: 'reviews' },
        1,
        {
          code: '503',
        },
      ),
    ];
    expect(node(buildGraph(graphInput({ requests })), 'app:bookinfo:reviews').errorRate).toBe(1);
    expect(
      node(
        buildGraph(graphInput({ requests, type: 'versionedApp' })),
        'ver:bookinfo:reviews:unknown',
      ).kind,
    ).toBe('app');
  });
});

describe('buildGraph: PassthroughCluster', () => {
  it('draws the edge to a workload Meshlens knows; an unknown one stays passthrough', () => {
    const g = buildGraph(
      graphInput({
        requests: [
          request(REVIEWS_V1, { ...RATINGS, svc: 'PassthroughCluster', svcNs: 'unknown' }, 2),
          request(REVIEWS_V1, { ns: 'legacy', wl: 'mainframe', svc: 'PassthroughCluster' }, 1),
        ],
        tcpSent: [tcpBytes(REVIEWS_V1, { ...RATINGS, svc: 'BlackHoleCluster' }, 100)],
      }),
    );
    expect(edge(g, 'wl:bookinfo:reviews-v1', 'wl:bookinfo:ratings-v1').rps).toBe(2);
    expect(
      edge(g, 'wl:bookinfo:reviews-v1', 'wl:bookinfo:ratings-v1', 'tcp').sentBytesPerSecond,
    ).toBe(100);
    expect(edge(g, 'wl:bookinfo:reviews-v1', 'ext:PassthroughCluster').rps).toBe(1);
    expect(g.nodes.some((n) => n.id === 'wl:legacy:mainframe')).toBe(false);
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
