import { describe, expect, it } from 'vitest';
import { durations, request, workload, type Peer } from '../testing/graph-samples';
import type { Inventory, IstioObject, Sample } from '../types';
import { computeTrafficSplit, type TrafficSplitInput } from './split';

const WEB: Peer = { ns: 'travel', wl: 'web', app: 'web', version: 'v1' };
const SHOP: Peer = { ns: 'shop', wl: 'shop-v1', app: 'shop', version: 'v1' };
const V1 = { ns: 'travel', wl: 'flights-v1', app: 'flights', version: 'v1' };
const V2 = { ns: 'travel', wl: 'flights-v2', app: 'flights', version: 'v2' };
const WAYPOINT = { ns: 'travel', wl: 'waypoint', app: 'waypoint' };

const service = (name: string, selector: Record<string, string>) => ({
  namespace: 'travel',
  name,
  selector,
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
});

const inventory = (useWaypoint: boolean): Inventory => ({
  namespaces: [
    {
      name: 'travel',
      labels: useWaypoint ? { 'istio.io/use-waypoint': 'waypoint' } : {},
      annotations: {},
    },
  ],
  services: [
    service('flights', { app: 'flights' }),
    service('flights-v1', { app: 'flights', version: 'v1' }),
    service('flights-v2', { app: 'flights', version: 'v2' }),
  ],
  workloads: [
    workload('travel', 'web', { hasSidecar: false }),
    workload('travel', 'flights-v1', { hasSidecar: false }),
    workload('travel', 'flights-v2', { hasSidecar: false, readyReplicas: 0 }),
  ],
  pods: [],
});

const ROUTE: IstioObject = {
  kind: 'HTTPRoute',
  apiVersion: 'gateway.networking.k8s.io/v1',
  namespace: 'travel',
  name: 'flights',
  resourceVersion: '7',
  labels: {},
  spec: {
    parentRefs: [{ group: '', kind: 'Service', name: 'flights', port: 8080 }],
    rules: [
      {
        backendRefs: [
          { name: 'flights-v1', port: 8080, weight: 90 },
          { name: 'flights-v2', port: 8080, weight: 10 },
        ],
      },
    ],
  },
};

const VS: IstioObject = {
  ...ROUTE,
  kind: 'VirtualService',
  apiVersion: 'networking.istio.io/v1',
  resourceVersion: '3',
  spec: { hosts: ['flights'], http: [{ route: [{ destination: { host: 'flights' } }] }] },
};

/** What a waypoint reports of one call it proxied: the real client and the backend it picked. */
const viaWaypoint = (s: Sample): Sample => ({
  ...s,
  labels: { ...s.labels, reporter: 'waypoint' },
});

function input(overrides: Partial<TrafficSplitInput> = {}): TrafficSplitInput {
  return {
    service: { namespace: 'travel', name: 'flights' },
    istioObjects: [ROUTE],
    inventory: inventory(true),
    requests: [
      viaWaypoint(request(WEB, { ...V1, svc: 'flights-v1' }, 9)),
      viaWaypoint(request(WEB, { ...V2, svc: 'flights-v2' }, 0.9)),
      viaWaypoint(request(WEB, { ...V2, svc: 'flights-v2' }, 0.1, { code: '503' })),
      // The sidecar client's own report toward the waypoint names the service it addressed.
      request(SHOP, { ...WAYPOINT, svc: 'flights' }, 1),
    ],
    durations: [
      ...durations(WEB, { ...V1, svc: 'flights-v1' }, { '10': 8, '50': 9, '+Inf': 9 }).map(
        viaWaypoint,
      ),
    ],
    window: '1m',
    routesAgeSeconds: null,
    ...overrides,
  };
}

describe('computeTrafficSplit for an HTTPRoute attached to the service', () => {
  it('returns the route and its rules keyed by backend Service', () => {
    const split = computeTrafficSplit(input());
    expect(split.virtualService).toBeNull();
    expect(split.gatewayRoute).toEqual({
      kind: 'HTTPRoute',
      name: 'flights',
      namespace: 'travel',
      resourceVersion: '7',
    });
    expect(split.routes[0]?.subsets).toEqual(['flights-v1', 'flights-v2']);
    expect(split.routes[0]?.destinations.map((d) => d.share)).toEqual([0.9, 0.1]);
  });

  it("observes the split per backend Service from the waypoint's reports", () => {
    const split = computeTrafficSplit(input());
    expect(split.observed.totalRps).toBeCloseTo(10);
    expect(split.observed.shares['flights-v1']).toBeCloseTo(0.9);
    expect(split.observed.shares['flights-v2']).toBeCloseTo(0.1);
    const [v1, v2] = split.subsets;
    expect(v1).toMatchObject({ name: 'flights-v1', workloads: ['flights-v1'], errorRate: 0 });
    expect(v1?.p95Ms).not.toBeNull();
    expect(v2).toMatchObject({ name: 'flights-v2', workloads: ['flights-v2'], readyReplicas: 0 });
    expect(v2?.errorRate).toBeCloseTo(0.1);
  });

  it("counts sidecar-routed calls once, from the client's report", () => {
    const both = (to: Parameters<typeof request>[1], rps: number): Sample[] => [
      request(SHOP, to, rps, { reporter: 'source' }),
      request(SHOP, to, rps, { reporter: 'destination' }),
    ];
    const split = computeTrafficSplit(
      input({
        inventory: inventory(false),
        requests: [
          ...both({ ...V1, svc: 'flights-v1' }, 5),
          ...both({ ...V2, svc: 'flights-v2' }, 5),
        ],
        durations: [],
      }),
    );
    expect(split.observed.totalRps).toBeCloseTo(10);
    expect(split.observed.shares['flights-v2']).toBeCloseTo(0.5);
    expect(split.warnings.filter((w) => w.code === 'divergence').map((w) => w.subset)).toEqual([
      'flights-v1',
      'flights-v2',
    ]);
    expect(
      split.warnings.find((w) => w.code === 'divergence' && w.subset === 'flights-v2')?.message,
    ).toMatch(/^Backend flights-v2 is configured for 10% but received 50%/);
  });

  it('warns which object Istio uses when a VirtualService routes the service too', () => {
    const waypoint = computeTrafficSplit(input({ istioObjects: [VS, ROUTE] }));
    expect(waypoint.gatewayRoute?.name).toBe('flights');
    const warning = waypoint.warnings.find((w) => w.code === 'virtual-service-and-route');
    expect(warning?.message).toContain('which a waypoint serves');
    expect(warning?.message).toContain(
      'Mixing Istio classic API and Gateway API configuration is not supported, and will lead to undefined behavior',
    );
    const sidecars = computeTrafficSplit(
      input({ istioObjects: [VS, ROUTE], inventory: inventory(false) }),
    );
    expect(
      sidecars.warnings.find((w) => w.code === 'virtual-service-and-route')?.message,
    ).toContain('names no order between the two for sidecars');
    expect(computeTrafficSplit(input()).warnings.map((w) => w.code)).not.toContain(
      'virtual-service-and-route',
    );
  });

  it('keeps the VirtualService split when no route attaches to the service', () => {
    const split = computeTrafficSplit(input({ istioObjects: [VS] }));
    expect(split.gatewayRoute).toBeNull();
    expect(split.virtualService?.resourceVersion).toBe('3');
  });
});

describe('computeTrafficSplit: a backend Service no workload provides', () => {
  it('warns with the share sent to a backend whose Service selects no workload', () => {
    const base = inventory(true);
    const withV3 = {
      ...base,
      services: [...base.services, service('flights-v3', { app: 'flights', version: 'v3' })],
    };
    const route: IstioObject = {
      ...ROUTE,
      spec: {
        parentRefs: [{ group: '', kind: 'Service', name: 'flights', port: 8080 }],
        rules: [{ backendRefs: [{ name: 'flights-v3', port: 8080 }] }],
      },
    };
    const result = computeTrafficSplit(input({ istioObjects: [route], inventory: withV3 }));
    expect(result.warnings.find((w) => w.code === 'no-workload')?.message).toBe(
      '100% of traffic goes to flights-v3, which no workload provides: those requests fail with 503 (no healthy upstream).',
    );
  });

  it('does not warn for backends with workloads, even without ready pods', () => {
    const codes = computeTrafficSplit(input()).warnings.map((w) => w.code);
    expect(codes).not.toContain('no-workload');
  });
});
