import { describe, expect, it } from 'vitest';
import type { AmbientView, Inventory, Sample } from '../types';
import { buildGraph } from './build-graph';
import { edge, node, pairs } from '../testing/graph-lookup';
import type { CallOptions, Peer, Target } from '../testing/graph-samples';
import {
  DETAILS,
  PRODUCTPAGE,
  UNKNOWN_PEER,
  graphInput,
  meshRequest,
  request,
  tcpBytes,
  to,
  workload,
} from '../testing/graph-samples';

/** The demo's travel namespace: ambient, one namespace waypoint, a sidecar caller from shop. */
const WEB: Peer = { ns: 'travel', wl: 'web', app: 'web', version: 'v1' };
const FLIGHTS_V1: Peer = { ns: 'travel', wl: 'flights-v1', app: 'flights', version: 'v1' };
const FLIGHTS_V2: Peer = { ns: 'travel', wl: 'flights-v2', app: 'flights', version: 'v2' };
const HOTELS: Peer = { ns: 'travel', wl: 'hotels', app: 'hotels', version: 'v1' };
const HOTELS_DB: Peer = { ns: 'travel', wl: 'hotels-db', app: 'hotels-db', version: 'v1' };
const WAYPOINT: Peer = { ns: 'travel', wl: 'waypoint', app: 'waypoint' };
const CART: Peer = { ns: 'shop', wl: 'cart-v1', app: 'cart', version: 'v1' };
const WAYPOINT_REF = { namespace: 'travel', name: 'waypoint' };

const ambient = { mode: 'ambient', waypoint: WAYPOINT_REF } as const;
const INVENTORY: Inventory = {
  namespaces: [
    { name: 'travel', labels: { 'istio.io/dataplane-mode': 'ambient' }, annotations: {} },
    { name: 'shop', labels: {}, annotations: {} },
    { name: 'bookinfo', labels: {}, annotations: {} },
  ],
  services: [],
  workloads: [
    ...['web', 'flights-v1', 'flights-v2', 'hotels'].map((n) =>
      workload('travel', n, { hasSidecar: false, dataPlane: ambient }),
    ),
    workload('travel', 'hotels-db', { hasSidecar: false, dataPlane: { mode: 'ambient' } }),
    workload('travel', 'waypoint', {
      hasSidecar: false,
      labels: { 'gateway.istio.io/managed': 'istio.io-mesh-controller' },
    }),
    workload('shop', 'cart-v1', { dataPlane: { mode: 'sidecar' } }),
    workload('bookinfo', 'productpage-v1'),
    workload('bookinfo', 'details-v1'),
  ],
  pods: [],
};

/** ztunnel's L4 for one pair as both ends' ztunnels see it (the client's only when it is ambient). */
function ztunnel(
  from: Peer,
  target: Target,
  sent: number,
  received: number,
  reporters: readonly ('source' | 'destination')[],
  o: CallOptions = {},
): { sent: Sample[]; received: Sample[] } {
  return {
    sent: reporters.map((reporter) => tcpBytes(from, target, sent, { ...o, reporter })),
    received: reporters.map((reporter) => tcpBytes(from, target, received, { ...o, reporter })),
  };
}

const both = ['source', 'destination'] as const;
const serverOnly = ['destination'] as const;

/** web → flights (90/10 by the HTTPRoute) and → hotels, cart (sidecar) → hotels, hotels → hotels-db. */
function travel(view: AmbientView, inventory: Inventory = INVENTORY) {
  const l4 = [
    // Client legs: the service web addressed, served by the waypoint.
    ztunnel(WEB, { ...WAYPOINT, svc: 'flights' }, 1000, 500, both),
    ztunnel(WEB, { ...WAYPOINT, svc: 'hotels' }, 400, 200, both),
    // Server legs: the waypoint is no ambient pod; only the server's ztunnel reports.
    ztunnel(WAYPOINT, to(FLIGHTS_V1, 'flights-v1'), 900, 450, serverOnly),
    ztunnel(WAYPOINT, to(FLIGHTS_V2, 'flights-v2'), 100, 50, serverOnly),
    ztunnel(WAYPOINT, to(HOTELS, 'hotels'), 700, 350, serverOnly),
    // L4 only: hotels-db's service says use-waypoint none.
    ztunnel(HOTELS, to(HOTELS_DB, 'hotels-db'), 300, 100, both),
  ];
  return buildGraph(
    graphInput({
      ambient: view,
      namespaces: ['travel'],
      inventory,
      requests: [
        request(WEB, to(FLIGHTS_V1, 'flights-v1'), 9, { reporter: 'waypoint' }),
        request(WEB, to(FLIGHTS_V2, 'flights-v2'), 1, { reporter: 'waypoint' }),
        request(WEB, to(HOTELS, 'hotels'), 4, { reporter: 'waypoint' }),
        request(WEB, to(HOTELS, 'hotels'), 1, { reporter: 'waypoint', code: '503' }),
        request(CART, to(HOTELS, 'hotels'), 2, { reporter: 'waypoint' }),
        // The sidecar's own report of the same 2 rps, addressed to the waypoint.
        request(CART, { ...WAYPOINT, svc: 'hotels', svcNs: 'travel' }, 2, { reporter: 'source' }),
      ],
      tcpSent: l4.flatMap((x) => x.sent),
      tcpReceived: l4.flatMap((x) => x.received),
      tcpOpened: [
        tcpBytes(HOTELS, to(HOTELS_DB, 'hotels-db'), 2, { reporter: 'source' }),
        tcpBytes(WAYPOINT, to(FLIGHTS_V1, 'flights-v1'), 3, { reporter: 'destination' }),
      ],
    }),
  );
}

describe('buildGraph on ambient telemetry', () => {
  it('total: one edge caller → callee from the waypoint, no waypoint node, L4 folded in', () => {
    const g = travel('total');
    expect(pairs(g).sort()).toEqual([
      'wl:shop:cart-v1 → wl:travel:hotels (http)',
      'wl:travel:hotels → wl:travel:hotels-db (tcp)',
      'wl:travel:web → wl:travel:flights-v1 (http)',
      'wl:travel:web → wl:travel:flights-v2 (http)',
      'wl:travel:web → wl:travel:hotels (http)',
    ]);
    expect(g.nodes.some((n) => n.id === 'wl:travel:waypoint')).toBe(false);
    const v1 = edge(g, 'wl:travel:web', 'wl:travel:flights-v1');
    expect(v1).toMatchObject({ rps: 9, reportedBy: 'waypoint', waypoint: WAYPOINT_REF, mtls: 1 });
    // The server leg waypoint → flights-v1 is web's alone.
    expect(v1.l4).toEqual({
      bytesPerSecond: 1350,
      sentBytesPerSecond: 900,
      receivedBytesPerSecond: 450,
      connectionsPerSecond: 3,
      mtls: 1,
    });
    // No double count: the versions' rates add up to what the waypoint saw for flights.
    const intoFlights = g.edges
      .filter((e) => e.target.startsWith('wl:travel:flights-'))
      .reduce((sum, e) => sum + (e.rps ?? 0), 0);
    expect(intoFlights).toBe(10);
  });

  it('total: a sidecar caller through the waypoint is counted once, sharing the server leg', () => {
    const g = travel('total');
    expect(edge(g, 'wl:shop:cart-v1', 'wl:travel:hotels')).toMatchObject({
      rps: 2,
      reportedBy: 'waypoint',
    });
    expect(node(g, 'wl:travel:hotels')).toMatchObject({ rps: 7, errorRate: 1 / 7 });
    // 700 B/s into hotels, shared 5 : 2 by the waypoint's requests.
    expect(edge(g, 'wl:travel:web', 'wl:travel:hotels').l4?.sentBytesPerSecond).toBeCloseTo(500);
    expect(edge(g, 'wl:shop:cart-v1', 'wl:travel:hotels').l4?.sentBytesPerSecond).toBeCloseTo(200);
    expect(node(g, 'wl:shop:cart-v1')).toMatchObject({ dataPlane: 'sidecar', hasSidecar: true });
  });

  it('L4-only edges: bytes, connections and mTLS from ztunnel, on the source reporter', () => {
    const db = edge(travel('total'), 'wl:travel:hotels', 'wl:travel:hotels-db', 'tcp');
    expect(db).toMatchObject({
      bytesPerSecond: 400,
      connectionsPerSecond: 2,
      mtls: 1,
      reportedBy: 'ztunnel',
      health: 'healthy',
    });
  });

  it('marks ambient workloads and the waypoint serving them; ztunnel is no sidecar', () => {
    const g = travel('total');
    expect(node(g, 'wl:travel:web')).toMatchObject({
      dataPlane: 'ambient',
      waypoint: WAYPOINT_REF,
      hasSidecar: false,
    });
    expect(node(g, 'wl:travel:hotels-db')).toMatchObject({ dataPlane: 'ambient' });
    expect(node(g, 'wl:travel:hotels-db').waypoint).toBeUndefined();
  });

  it('waypoint: the hops through the waypoint node, each with its own ztunnel leg', () => {
    const g = travel('waypoint');
    expect(pairs(g).sort()).toEqual([
      'wl:shop:cart-v1 → wl:travel:waypoint (http)',
      'wl:travel:hotels → wl:travel:hotels-db (tcp)',
      'wl:travel:waypoint → wl:travel:flights-v1 (http)',
      'wl:travel:waypoint → wl:travel:flights-v2 (http)',
      'wl:travel:waypoint → wl:travel:hotels (http)',
      'wl:travel:web → wl:travel:waypoint (http)',
    ]);
    expect(node(g, 'wl:travel:waypoint')).toMatchObject({ isWaypoint: true, rps: 17 });
    const inbound = edge(g, 'wl:travel:web', 'wl:travel:waypoint');
    expect(inbound).toMatchObject({ rps: 15, reportedBy: 'waypoint' });
    expect(inbound.l4?.sentBytesPerSecond).toBe(1400);
    // The sidecar's own report of its hop, not the waypoint's copy of it.
    expect(edge(g, 'wl:shop:cart-v1', 'wl:travel:waypoint')).toMatchObject({ rps: 2 });
    expect(edge(g, 'wl:travel:waypoint', 'wl:travel:hotels')).toMatchObject({ rps: 7 });
    expect(edge(g, 'wl:travel:waypoint', 'wl:travel:flights-v1').l4?.sentBytesPerSecond).toBe(900);
  });

  it('ztunnel: only L4 as ztunnel saw it, the waypoint as a node; sidecar reports stay', () => {
    const g = travel('ztunnel');
    expect(pairs(g).sort()).toEqual([
      'wl:shop:cart-v1 → wl:travel:waypoint (http)',
      'wl:travel:hotels → wl:travel:hotels-db (tcp)',
      'wl:travel:waypoint → wl:travel:flights-v1 (tcp)',
      'wl:travel:waypoint → wl:travel:flights-v2 (tcp)',
      'wl:travel:waypoint → wl:travel:hotels (tcp)',
      'wl:travel:web → wl:travel:waypoint (tcp)',
    ]);
    expect(edge(g, 'wl:travel:web', 'wl:travel:waypoint', 'tcp')).toMatchObject({
      sentBytesPerSecond: 1400,
      receivedBytesPerSecond: 700,
      reportedBy: 'ztunnel',
    });
  });

  it('infers ambient from telemetry when the inventory does not say', () => {
    const bare: Inventory = {
      ...INVENTORY,
      workloads: INVENTORY.workloads.map((w) => ({ ...w, dataPlane: undefined })),
    };
    const g = travel('total', bare);
    expect(node(g, 'wl:travel:web')).toMatchObject({ dataPlane: 'ambient', hasSidecar: false });
    expect(node(g, 'wl:travel:flights-v1')).toMatchObject({
      dataPlane: 'ambient',
      waypoint: WAYPOINT_REF,
    });
    expect(node(g, 'wl:shop:cart-v1').dataPlane).toBeUndefined();
    expect(edge(g, 'wl:travel:web', 'wl:travel:flights-v1').rps).toBe(9);
  });

  it('mixed: sidecars as before; a sidecar calling an ambient pod directly is one L7 edge', () => {
    const g = buildGraph(
      graphInput({
        namespaces: ['travel', 'bookinfo'],
        inventory: INVENTORY,
        requests: [
          ...meshRequest(PRODUCTPAGE, to(DETAILS, 'details'), 10),
          request(PRODUCTPAGE, to(HOTELS_DB, 'hotels-db'), 3, { reporter: 'source' }),
        ],
        tcpSent: [
          tcpBytes(PRODUCTPAGE, to(HOTELS_DB, 'hotels-db'), 600, { reporter: 'destination' }),
        ],
        tcpReceived: [],
      }),
    );
    expect(pairs(g).sort()).toEqual([
      'wl:bookinfo:productpage-v1 → wl:bookinfo:details-v1 (http)',
      'wl:bookinfo:productpage-v1 → wl:travel:hotels-db (http)',
    ]);
    const direct = edge(g, 'wl:bookinfo:productpage-v1', 'wl:travel:hotels-db');
    expect(direct).toMatchObject({ rps: 3 });
    expect(direct.reportedBy).toBeUndefined();
    expect(direct.l4?.sentBytesPerSecond).toBe(600);
    expect(edge(g, 'wl:bookinfo:productpage-v1', 'wl:bookinfo:details-v1')).toMatchObject({
      rps: 10,
    });
    expect(node(g, 'wl:bookinfo:details-v1')).toMatchObject({ hasSidecar: true });
    expect(node(g, 'wl:bookinfo:details-v1').dataPlane).toBeUndefined();
  });

  it('unknown labels: an outside caller seen by ztunnel alone, a request no route matched', () => {
    const g = buildGraph(
      graphInput({
        namespaces: ['travel'],
        inventory: INVENTORY,
        requests: [
          request(WEB, { svc: 'flights', svcNs: 'travel' }, 1, {
            reporter: 'waypoint',
            code: '503',
            flags: 'UH',
          }),
        ],
        tcpSent: [
          tcpBytes(UNKNOWN_PEER, to(HOTELS, 'hotels'), 50, {
            reporter: 'destination',
            security: 'none',
          }),
        ],
        tcpReceived: [],
      }),
    );
    expect(edge(g, 'unknown', 'wl:travel:hotels', 'tcp')).toMatchObject({
      bytesPerSecond: 50,
      mtls: 0,
      reportedBy: 'ztunnel',
    });
    expect(edge(g, 'wl:travel:web', 'svc:travel:flights')).toMatchObject({
      rps: 1,
      errorRate: 1,
      reportedBy: 'waypoint',
    });
  });
});
