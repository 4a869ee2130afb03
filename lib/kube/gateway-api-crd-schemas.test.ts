import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSchema, type CrdSchemas } from '@/lib/mesh/validations/schema';

const SCHEMAS = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, 'gateway-api-crd-schemas.json'), 'utf8'),
) as CrdSchemas;

const GW = 'gateway.networking.k8s.io/v1';
const condition = (type: string, reason: string) => ({
  type,
  status: 'True',
  reason,
  message: '',
  observedGeneration: 1,
  lastTransitionTime: '2026-12-05T21:00:00Z',
});

/** The demo mesh's Gateway API objects, as the demo contract lists them. */
const DEMO_OBJECTS: Record<string, Record<string, unknown>> = {
  waypoint: {
    apiVersion: GW,
    kind: 'Gateway',
    metadata: {
      name: 'waypoint',
      namespace: 'travel',
      labels: { 'istio.io/waypoint-for': 'service' },
    },
    spec: {
      gatewayClassName: 'istio-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    },
    status: {
      addresses: [{ type: 'Hostname', value: 'waypoint.travel.svc.cluster.local' }],
      conditions: [condition('Accepted', 'Accepted'), condition('Programmed', 'Programmed')],
    },
  },
  ingress: {
    apiVersion: GW,
    kind: 'Gateway',
    metadata: { name: 'travel-gateway', namespace: 'istio-system' },
    spec: {
      gatewayClassName: 'istio',
      listeners: [
        {
          name: 'http',
          port: 80,
          protocol: 'HTTP',
          hostname: 'travel.example.com',
          allowedRoutes: { namespaces: { from: 'All' } },
        },
      ],
    },
    status: {
      addresses: [{ type: 'IPAddress', value: '10.96.0.80' }],
      conditions: [condition('Accepted', 'Accepted'), condition('Programmed', 'Programmed')],
      listeners: [
        {
          name: 'http',
          attachedRoutes: 1,
          supportedKinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }],
          conditions: [condition('Accepted', 'Accepted')],
        },
      ],
    },
  },
  canary: {
    apiVersion: GW,
    kind: 'HTTPRoute',
    metadata: { name: 'flights', namespace: 'travel' },
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
    status: {
      parents: [
        {
          parentRef: { group: '', kind: 'Service', name: 'flights', port: 8080 },
          controllerName: 'istio.io/gateway-controller',
          conditions: [
            condition('Accepted', 'Accepted'),
            condition('ResolvedRefs', 'ResolvedRefs'),
          ],
        },
      ],
    },
  },
  ingressRoute: {
    apiVersion: GW,
    kind: 'HTTPRoute',
    metadata: { name: 'travel-ingress', namespace: 'istio-system' },
    spec: {
      parentRefs: [{ name: 'travel-gateway' }],
      hostnames: ['travel.example.com'],
      rules: [{ backendRefs: [{ name: 'web', namespace: 'travel', port: 8080 }] }],
    },
  },
  grant: {
    apiVersion: GW,
    kind: 'ReferenceGrant',
    metadata: { name: 'allow-ingress-routes', namespace: 'travel' },
    spec: {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'istio-system' }],
      to: [{ group: '', kind: 'Service' }],
    },
  },
  classIstio: {
    apiVersion: GW,
    kind: 'GatewayClass',
    metadata: { name: 'istio' },
    spec: { controllerName: 'istio.io/gateway-controller' },
    status: { conditions: [condition('Accepted', 'Handled')] },
  },
  classWaypoint: {
    apiVersion: GW,
    kind: 'GatewayClass',
    metadata: { name: 'istio-waypoint' },
    spec: { controllerName: 'istio.io/mesh-controller' },
  },
  grpc: {
    apiVersion: GW,
    kind: 'GRPCRoute',
    metadata: { name: 'flights-grpc', namespace: 'travel' },
    spec: {
      parentRefs: [{ group: '', kind: 'Service', name: 'flights', port: 9090 }],
      rules: [
        {
          matches: [{ method: { service: 'travel.Flights', method: 'Search' } }],
          backendRefs: [{ name: 'flights-v1', port: 9090 }],
        },
      ],
    },
  },
};

const paths = (obj: unknown): (string | undefined)[] =>
  validateSchema(obj, SCHEMAS).map((v) => v.path);

describe('Gateway API CRD schemas', () => {
  for (const [name, obj] of Object.entries(DEMO_OBJECTS))
    it(`accepts the demo's ${name}`, () => {
      expect(validateSchema(obj, SCHEMAS)).toEqual([]);
    });

  const canary = DEMO_OBJECTS.canary!;
  const withRule = (rule: Record<string, unknown>) => ({
    ...canary,
    spec: { ...(canary.spec as object), rules: [rule] },
  });

  it('refuses a weight above 1000000 or below 0, at the weight', () => {
    expect(paths(withRule({ backendRefs: [{ name: 'a', port: 80, weight: 1000001 }] }))).toEqual([
      'spec.rules[0].backendRefs[0].weight',
    ]);
    expect(paths(withRule({ backendRefs: [{ name: 'a', port: 80, weight: -1 }] }))).toEqual([
      'spec.rules[0].backendRefs[0].weight',
    ]);
  });

  it('refuses a port outside 1..65535 and a backendRef without a name', () => {
    expect(paths(withRule({ backendRefs: [{ name: 'a', port: 0 }] }))).toEqual([
      'spec.rules[0].backendRefs[0].port',
    ]);
    expect(paths(withRule({ backendRefs: [{ port: 80 }] }))).toEqual([
      'spec.rules[0].backendRefs[0].name',
    ]);
  });

  it('refuses an unknown path match type and filter type', () => {
    expect(paths(withRule({ matches: [{ path: { type: 'Prefix', value: '/' } }] }))).toEqual([
      'spec.rules[0].matches[0].path.type',
    ]);
    expect(paths(withRule({ filters: [{ type: 'Rewrite' }] }))).toEqual([
      'spec.rules[0].filters[0].type',
    ]);
  });

  it('refuses more than 16 backendRefs in a rule and more than 16 rules', () => {
    const refs = Array.from({ length: 17 }, (_, i) => ({ name: `b${i}`, port: 80 }));
    expect(paths(withRule({ backendRefs: refs }))).toEqual(['spec.rules[0].backendRefs']);
    const rules = Array.from({ length: 17 }, () => ({}));
    expect(paths({ ...canary, spec: { rules } })).toEqual(['spec.rules']);
  });

  it('refuses a hostname with an upper-case letter or a wildcard in the middle', () => {
    const route = DEMO_OBJECTS.ingressRoute!;
    for (const hostname of ['Travel.example.com', 'travel.*.com'])
      expect(
        paths({ ...route, spec: { ...(route.spec as object), hostnames: [hostname] } }),
      ).toEqual(['spec.hostnames[0]']);
  });

  it('refuses a Gateway without listeners and a listener without a protocol', () => {
    const gw = DEMO_OBJECTS.ingress!;
    expect(paths({ ...gw, spec: { gatewayClassName: 'istio', listeners: [] } })).toEqual([
      'spec.listeners',
    ]);
    expect(
      paths({
        ...gw,
        spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80 }] },
      }),
    ).toEqual(['spec.listeners[0].protocol']);
  });

  it('refuses a status condition with an unknown status and a route status without controllerName', () => {
    const bad = {
      ...canary,
      status: {
        parents: [
          {
            parentRef: { name: 'flights' },
            conditions: [{ ...condition('Accepted', 'Accepted'), status: 'Yes' }],
          },
        ],
      },
    };
    expect(paths(bad).sort()).toEqual([
      'status.parents[0].conditions[0].status',
      'status.parents[0].controllerName',
    ]);
  });

  it('refuses a GatewayClass whose controllerName has no path', () => {
    const gc = DEMO_OBJECTS.classIstio!;
    expect(paths({ ...gc, spec: { controllerName: 'istio' } })).toEqual(['spec.controllerName']);
  });

  it('refuses a ReferenceGrant with an empty from list', () => {
    const grant = DEMO_OBJECTS.grant!;
    expect(paths({ ...grant, spec: { ...(grant.spec as object), from: [] } })).toEqual([
      'spec.from',
    ]);
  });
});
