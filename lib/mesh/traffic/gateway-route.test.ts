import { describe, expect, it } from 'vitest';
import type { IstioObject } from '../types';
import {
  backendServices,
  gatewayRoutesFor,
  parentRefSelectsService,
  readGatewayRoutes,
  setBackendWeights,
} from './gateway-route';

const FLIGHTS = { namespace: 'travel', name: 'flights' };
const PORTS = [{ name: 'http', port: 8080, protocol: 'TCP' }];

const httpRoute = (
  spec: Record<string, unknown>,
  namespace = 'travel',
  name = 'flights',
): IstioObject => ({
  kind: 'HTTPRoute',
  apiVersion: 'gateway.networking.k8s.io/v1',
  namespace,
  name,
  resourceVersion: '7',
  labels: {},
  spec,
});

const SERVICE_PARENT = { group: '', kind: 'Service', name: 'flights', port: 8080 };

const canary = (backendRefs: unknown[], extra: Record<string, unknown> = {}): IstioObject =>
  httpRoute({ parentRefs: [SERVICE_PARENT], rules: [{ ...extra, backendRefs }] });

describe('readGatewayRoutes', () => {
  it('gives each backend weight ÷ the sum of the rule', () => {
    const [rule] = readGatewayRoutes(
      canary([
        { name: 'flights-v1', port: 8080, weight: 90 },
        { name: 'flights-v2', port: 8080, weight: 10 },
      ]),
    );
    expect(rule?.subsets).toEqual(['flights-v1', 'flights-v2']);
    expect(rule?.destinations.map((d) => [d.host, d.weight, d.share])).toEqual([
      ['flights-v1', 90, 0.9],
      ['flights-v2', 10, 0.1],
    ]);
  });

  it('reads a missing weight as 1 and gives weight 0 nothing', () => {
    const [rule] = readGatewayRoutes(
      canary([{ name: 'a' }, { name: 'b', weight: 3 }, { name: 'c', weight: 0 }]),
    );
    expect(rule?.destinations.map((d) => [d.weight, d.share])).toEqual([
      [1, 0.25],
      [3, 0.75],
      [0, 0],
    ]);
  });

  it('gives a lone backend all the traffic unless its weight is 0, and offers no split', () => {
    const [rule] = readGatewayRoutes(canary([{ name: 'flights-v1', weight: 5 }]));
    expect(rule?.destinations[0]?.share).toBe(1);
    expect(rule?.subsets).toBeUndefined();
    expect(rule?.notEditable).toMatch(/single backend/);
    // Gateway API forwards nothing to a weight-0 backend, even a lone one (Istio answers 500).
    const [drained] = readGatewayRoutes(canary([{ name: 'flights-v1', weight: 0 }]));
    expect(drained?.destinations[0]?.share).toBe(0);
    const [unset] = readGatewayRoutes(canary([{ name: 'flights-v1' }]));
    expect(unset?.destinations[0]?.share).toBe(1);
  });

  it('keys a backend in another namespace as name.namespace', () => {
    const route = canary([{ name: 'flights-v1' }, { name: 'flights-v2', namespace: 'canary' }]);
    expect(readGatewayRoutes(route)[0]?.subsets).toEqual(['flights-v1', 'flights-v2.canary']);
    expect(backendServices(route)).toEqual([
      { namespace: 'travel', name: 'flights-v1' },
      { namespace: 'canary', name: 'flights-v2' },
    ]);
  });

  it('keeps rule matches and refuses to split two refs to the same Service', () => {
    const [rule] = readGatewayRoutes(
      canary(
        [
          { name: 'a', port: 80 },
          { name: 'a', port: 81 },
        ],
        {
          matches: [{ path: { type: 'PathPrefix', value: '/api' } }],
        },
      ),
    );
    expect(rule?.match).toEqual([{ path: { type: 'PathPrefix', value: '/api' } }]);
    expect(rule?.notEditable).toMatch(/same Service/);
  });
});

describe('parentRefSelectsService', () => {
  it('needs the core group and kind Service', () => {
    expect(parentRefSelectsService(SERVICE_PARENT, 'travel', FLIGHTS, PORTS)).toBe(true);
    expect(parentRefSelectsService({ kind: 'Service', name: 'flights' }, 'travel', FLIGHTS)).toBe(
      false,
    );
    expect(
      parentRefSelectsService({ group: '', kind: 'Gateway', name: 'flights' }, 'travel', FLIGHTS),
    ).toBe(false);
  });

  it("reads the parentRef's namespace, the route's own when absent", () => {
    const ref = { group: '', kind: 'Service', name: 'flights', namespace: 'travel' };
    expect(parentRefSelectsService(ref, 'shop', FLIGHTS)).toBe(true);
    expect(parentRefSelectsService({ ...ref, namespace: undefined }, 'shop', FLIGHTS)).toBe(false);
    expect(parentRefSelectsService({ ...ref, namespace: 'shop' }, 'travel', FLIGHTS)).toBe(false);
  });

  it('attaches to nothing through a port or sectionName the service does not have', () => {
    expect(
      parentRefSelectsService({ ...SERVICE_PARENT, port: 9090 }, 'travel', FLIGHTS, PORTS),
    ).toBe(false);
    const named = { group: '', kind: 'Service', name: 'flights' };
    expect(
      parentRefSelectsService({ ...named, sectionName: 'http' }, 'travel', FLIGHTS, PORTS),
    ).toBe(true);
    expect(
      parentRefSelectsService({ ...named, sectionName: 'grpc' }, 'travel', FLIGHTS, PORTS),
    ).toBe(false);
  });
});

describe('gatewayRoutesFor', () => {
  it("lists the routes attached to the service, its own namespace's first", () => {
    const consumer = httpRoute(
      { parentRefs: [{ ...SERVICE_PARENT, namespace: 'travel' }], rules: [] },
      'shop',
      'flights-for-shop',
    );
    const own = canary([{ name: 'flights-v1' }]);
    const gateway = httpRoute({ parentRefs: [{ name: 'travel-gateway' }] }, 'travel', 'ingress');
    expect(gatewayRoutesFor([consumer, gateway, own], FLIGHTS, PORTS).map((r) => r.name)).toEqual([
      'flights',
      'flights-for-shop',
    ]);
  });
});

describe('setBackendWeights', () => {
  it('changes only the weights of the rule, every other field as it was', () => {
    const other = {
      matches: [{ headers: [{ name: 'x-canary', value: 'yes' }] }],
      backendRefs: [{ name: 'flights-v2' }],
    };
    const route = httpRoute({
      parentRefs: [SERVICE_PARENT],
      rules: [
        other,
        {
          timeouts: { request: '5s' },
          filters: [{ type: 'RequestHeaderModifier' }],
          backendRefs: [
            { name: 'flights-v1', port: 8080, weight: 90, filters: [] },
            { name: 'flights-v2', port: 8080 },
          ],
        },
      ],
    });
    const rules = setBackendWeights(route, 1, { 'flights-v1': 50, 'flights-v2': 50 });
    expect(rules[0]).toBe(other);
    expect(rules[1]).toEqual({
      timeouts: { request: '5s' },
      filters: [{ type: 'RequestHeaderModifier' }],
      backendRefs: [
        { name: 'flights-v1', port: 8080, weight: 50, filters: [] },
        { name: 'flights-v2', port: 8080, weight: 50 },
      ],
    });
  });

  it('refuses a rule that cannot be split', () => {
    expect(() => setBackendWeights(canary([{ name: 'a' }]), 0, { a: 1 })).toThrow(RangeError);
  });
});
