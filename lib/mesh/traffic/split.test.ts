import { describe, expect, it } from 'vitest';
import {
  BOOKINFO_INVENTORY,
  durations,
  meshRequest,
  PRODUCTPAGE,
  request,
  REVIEWS_V1,
  REVIEWS_V2,
  REVIEWS_V3,
  to,
  UNKNOWN_PEER,
  workload,
} from '../testing/graph-samples';
import { computeTrafficSplit, type TrafficSplitInput } from './split';
import type { IstioObject } from '../types';

const object = (
  kind: IstioObject['kind'],
  name: string,
  spec: Record<string, unknown>,
  namespace = 'bookinfo',
): IstioObject => ({
  kind,
  apiVersion: 'networking.istio.io/v1',
  namespace,
  name,
  resourceVersion: '42',
  labels: {},
  spec,
});

const split = (weights: [number, number, number], extraRoutes: unknown[] = []): IstioObject =>
  object('VirtualService', 'reviews', {
    hosts: ['reviews'],
    http: [
      ...extraRoutes,
      {
        route: (['v1', 'v2', 'v3'] as const).map((subset, i) => ({
          destination: { host: 'reviews', subset },
          weight: weights[i],
        })),
      },
    ],
  });

const REVIEWS_DR = object('DestinationRule', 'reviews', {
  host: 'reviews.bookinfo.svc.cluster.local',
  subsets: ['v1', 'v2', 'v3'].map((v) => ({ name: v, labels: { version: v } })),
});

function input(overrides: Partial<TrafficSplitInput> = {}): TrafficSplitInput {
  return {
    service: { namespace: 'bookinfo', name: 'reviews' },
    istioObjects: [split([80, 10, 10]), REVIEWS_DR],
    inventory: BOOKINFO_INVENTORY,
    requests: [
      ...meshRequest(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'), 8),
      ...meshRequest(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 0.9),
      ...meshRequest(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 0.1, { code: '503' }),
      ...meshRequest(PRODUCTPAGE, to(REVIEWS_V3, 'reviews'), 1),
    ],
    durations: [
      ...durations(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), { '10': 0.5, '50': 1, '+Inf': 1 }),
    ],
    window: '1m',
    routesAgeSeconds: null,
    ...overrides,
  };
}

describe('computeTrafficSplit', () => {
  it('returns the configured routes beside the observed shares, counting each request once', () => {
    const result = computeTrafficSplit(input());
    expect(result.virtualService).toEqual({
      name: 'reviews',
      namespace: 'bookinfo',
      resourceVersion: '42',
    });
    expect(result.destinationRule).toEqual({ name: 'reviews', namespace: 'bookinfo' });
    expect(result.routes[0]?.destinations.map((d) => d.weight)).toEqual([80, 10, 10]);
    expect(result.observed.totalRps).toBeCloseTo(10);
    expect(result.observed.shares).toEqual({
      v1: 0.8,
      v2: expect.closeTo(0.1),
      v3: expect.closeTo(0.1),
    });
    expect(result.warnings).toEqual([]);
  });

  it("gives each subset's golden signals", () => {
    const v2 = computeTrafficSplit(input()).subsets.find((s) => s.name === 'v2');
    expect(v2).toMatchObject({
      workloads: ['reviews-v2'],
      readyReplicas: 1,
      rps: expect.closeTo(1),
      errorRate: expect.closeTo(0.1),
      health: 'failing',
    });
    expect(v2?.p95Ms).toBeCloseTo(46);
    const v1 = computeTrafficSplit(input()).subsets.find((s) => s.name === 'v1');
    expect(v1).toMatchObject({ errorRate: 0, p95Ms: null, health: 'healthy' });
  });

  it('has no virtual service and no routes for a service without one', () => {
    const result = computeTrafficSplit(input({ istioObjects: [REVIEWS_DR] }));
    expect(result.virtualService).toBeNull();
    expect(result.routes).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('warns when observed differs from configured and names a subset without ready pods as the cause', () => {
    const inventory = {
      ...BOOKINFO_INVENTORY,
      workloads: BOOKINFO_INVENTORY.workloads.map((w) =>
        w.name === 'reviews-v3' ? workload('bookinfo', 'reviews-v3', { readyReplicas: 0 }) : w,
      ),
    };
    const requests = [
      ...meshRequest(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'), 5),
      ...meshRequest(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 5),
    ];
    const result = computeTrafficSplit(
      input({ inventory, requests, istioObjects: [split([50, 0, 50]), REVIEWS_DR] }),
    );
    const codes = result.warnings.map((w) => `${w.code}:${w.subset}`);
    expect(codes).toEqual(['no-ready-pods:v3', 'divergence:v2', 'divergence:v3']);
    expect(result.warnings[2]?.message).toMatch(
      /configured for 50% but received 0%.*no ready pods/,
    );
  });

  it('names header-matched routes and callers without a sidecar as likely causes', () => {
    const jason = {
      match: [{ headers: { 'end-user': { exact: 'jason' } } }],
      route: [{ destination: { host: 'reviews', subset: 'v2' } }],
    };
    const requests = [
      ...meshRequest(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'), 5),
      request(UNKNOWN_PEER, to(REVIEWS_V2, 'reviews'), 5, { reporter: 'destination' }),
    ];
    const result = computeTrafficSplit(
      input({ requests, istioObjects: [split([100, 0, 0], [jason]), REVIEWS_DR] }),
    );
    expect(result.defaultRoute).toBe(1);
    const v2 = result.warnings.find((w) => w.subset === 'v2');
    expect(v2?.message).toMatch(/1 header- or path-matched route takes part/);
    expect(v2?.message).toMatch(/50% of requests come from callers without a sidecar/);
  });

  it('waits a whole window after a change before calling a difference divergence', () => {
    const requests = [
      ...meshRequest(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'), 5),
      ...meshRequest(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 5),
    ];
    const objects = [split([0, 0, 100]), REVIEWS_DR];
    const fresh = computeTrafficSplit(
      input({ requests, istioObjects: objects, routesAgeSeconds: 20 }),
    );
    expect(fresh.warnings.map((w) => w.code)).toEqual(['settling']);
    expect(fresh.warnings[0]?.message).toMatch(/changed 20 s ago.*compared .* in 40 s/);
    const settled = computeTrafficSplit(
      input({ requests, istioObjects: objects, routesAgeSeconds: 61 }),
    );
    expect(settled.warnings.map((w) => `${w.code}:${w.subset}`)).toEqual([
      'divergence:v1',
      'divergence:v2',
      'divergence:v3',
    ]);
    // Known to be older than the window: a recent change is no longer offered as the cause.
    expect(settled.warnings[0]?.message).not.toMatch(/still averaging in/);
  });

  it('stays quiet about divergence on a trickle of traffic', () => {
    const requests = meshRequest(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 0.1);
    expect(computeTrafficSplit(input({ requests })).warnings).toEqual([]);
  });

  it('warns about a subset no DestinationRule defines and about competing virtual services', () => {
    const other = object(
      'VirtualService',
      'reviews-too',
      { hosts: ['reviews.bookinfo.svc.cluster.local'] },
      'shop',
    );
    const vs = object('VirtualService', 'reviews', {
      hosts: ['reviews'],
      http: [
        {
          route: [
            { destination: { host: 'reviews', subset: 'v1' }, weight: 50 },
            { destination: { host: 'reviews', subset: 'v9' }, weight: 50 },
          ],
        },
      ],
    });
    const result = computeTrafficSplit(
      input({ requests: [], istioObjects: [vs, other, REVIEWS_DR] }),
    );
    expect(result.virtualService?.name).toBe('reviews');
    expect(result.subsets.map((s) => s.name)).toEqual(['v1', 'v2', 'v3', 'v9']);
    expect(result.warnings.map((w) => w.code)).toEqual([
      'several-virtual-services',
      'undefined-subset',
    ]);
  });

  it('maps pods the inventory does not know through the version label in the metric', () => {
    const requests = meshRequest(
      PRODUCTPAGE,
      to({ ns: 'bookinfo', wl: 'reviews-v3-canary', app: 'reviews', version: 'v3' }, 'reviews'),
      2,
    );
    const result = computeTrafficSplit(input({ requests }));
    expect(result.observed.shares.v3).toBe(1);
    expect(result.observed.unassignedShare).toBe(0);
  });

  it('ignores virtual services bound only to gateways', () => {
    const ingress = object('VirtualService', 'edge', {
      hosts: ['reviews'],
      gateways: ['bookinfo-gateway'],
      http: [],
    });
    expect(
      computeTrafficSplit(input({ istioObjects: [ingress, REVIEWS_DR] })).virtualService,
    ).toBeNull();
  });
});

describe('computeTrafficSplit: subsets no workload provides', () => {
  const DR_V4 = object('DestinationRule', 'reviews', {
    host: 'reviews.bookinfo.svc.cluster.local',
    subsets: ['v1', 'v2', 'v3', 'v4'].map((v) => ({ name: v, labels: { version: v } })),
  });
  const jasonToV4 = {
    match: [{ headers: { 'end-user': { exact: 'jason' } } }],
    route: [{ destination: { host: 'reviews', subset: 'v4' } }],
  };

  it('warns with the share each route sends to a subset nothing provides', () => {
    const result = computeTrafficSplit(
      input({ istioObjects: [split([80, 10, 10], [jasonToV4]), DR_V4] }),
    );
    const warning = result.warnings.find((w) => w.code === 'no-workload');
    expect(warning?.subset).toBe('v4');
    expect(warning?.message).toBe(
      "100% of route #0's traffic goes to v4, which no workload provides: those requests fail with 503 (no healthy upstream).",
    );
  });

  it('says "100% of traffic goes to v4" when the VirtualService has one route', () => {
    const only = object('VirtualService', 'reviews', {
      hosts: ['reviews'],
      http: [{ route: [{ destination: { host: 'reviews', subset: 'v4' } }] }],
    });
    const result = computeTrafficSplit(input({ istioObjects: [only, DR_V4] }));
    expect(result.warnings.find((w) => w.code === 'no-workload')?.message).toMatch(
      /^100% of traffic goes to v4, which no workload provides/,
    );
  });

  it('does not warn for a subset only an unreachable route or a weight of 0 sends to', () => {
    const catchAllFirst = object('VirtualService', 'reviews', {
      hosts: ['reviews'],
      http: [
        {
          route: [
            { destination: { host: 'reviews', subset: 'v1' }, weight: 100 },
            { destination: { host: 'reviews', subset: 'v4' }, weight: 0 },
          ],
        },
        jasonToV4,
      ],
    });
    const result = computeTrafficSplit(input({ istioObjects: [catchAllFirst, DR_V4] }));
    expect(result.routes[1]?.unreachable?.shadowedBy).toBe(0);
    expect(result.warnings.map((w) => w.code)).not.toContain('no-workload');
  });
});

describe('computeTrafficSplit: requests an abort fault answered', () => {
  it('counts them apart, not as requests to pods no subset selects', () => {
    // The client's sidecar reports the abort it injected; no pod ever saw the request.
    const aborted = request(
      PRODUCTPAGE,
      { ...to(UNKNOWN_PEER, 'reviews'), svcNs: 'bookinfo' },
      10,
      { code: '503', flags: 'FI' },
    );
    const base = input();
    const result = computeTrafficSplit({ ...base, requests: [...base.requests, aborted] });
    expect(result.observed.faultAbortedShare).toBeCloseTo(0.5, 5);
    expect(result.observed.unassignedShare).toBe(0);
    expect(result.observed.totalRps).toBeCloseTo(20, 5);
    expect(result.observed.shares['v1']).toBeCloseTo(0.4, 5);
    expect(result.warnings.find((w) => w.subset === 'v1')?.message).toMatch(
      /50% of requests were aborted by an injected fault and reached no subset/,
    );
  });

  it('has no aborted share without aborts', () => {
    expect(computeTrafficSplit(input()).observed.faultAbortedShare).toBeUndefined();
  });
});
