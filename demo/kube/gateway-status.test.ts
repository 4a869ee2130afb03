import { describe, expect, it } from 'vitest';
import {
  backendVerdict,
  conditions,
  gatewayClassStatus,
  gatewayStatus,
  parentVerdict,
  routeStatus,
  type GatewayWorld,
} from './gateway-status';
import type { KubeObject } from './types';

const GW = 'gateway.networking.k8s.io/v1';
const NOW = '2026-12-05T21:00:00Z';
const LATER = '2026-12-05T22:00:00Z';

const service = (namespace: string, name: string, clusterIP = '10.96.0.10'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { clusterIP },
});
const gatewayClass = (name: string, controllerName: string): KubeObject => ({
  apiVersion: GW,
  kind: 'GatewayClass',
  metadata: { name, generation: 1 },
  spec: { controllerName },
});
const ingress = (from: 'All' | 'Same' | 'Selector' = 'All', className = 'istio'): KubeObject => ({
  apiVersion: GW,
  kind: 'Gateway',
  metadata: { name: 'travel-gateway', namespace: 'istio-system', generation: 2 },
  spec: {
    gatewayClassName: className,
    listeners: [
      {
        name: 'http',
        port: 80,
        protocol: 'HTTP',
        hostname: 'travel.example.com',
        allowedRoutes: {
          namespaces: {
            from,
            ...(from === 'Selector' ? { selector: { matchLabels: { ingress: 'yes' } } } : {}),
          },
        },
      },
    ],
  },
});
const route = (namespace: string, specBody: Record<string, unknown>): KubeObject => ({
  apiVersion: GW,
  kind: 'HTTPRoute',
  metadata: { name: 'r', namespace, generation: 3 },
  spec: specBody,
});
const ingressRoute = (namespace = 'istio-system', hostnames = ['travel.example.com']) =>
  route(namespace, {
    parentRefs: [{ name: 'travel-gateway', namespace: 'istio-system' }],
    hostnames,
    rules: [{ backendRefs: [{ name: 'web', namespace: 'travel', port: 8080 }] }],
  });
const grant: KubeObject = {
  apiVersion: GW,
  kind: 'ReferenceGrant',
  metadata: { name: 'allow-ingress-routes', namespace: 'travel' },
  spec: {
    from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'istio-system' }],
    to: [{ group: '', kind: 'Service' }],
  },
};

function world(
  objects: KubeObject[],
  labels: Record<string, Record<string, string>> = {},
): GatewayWorld {
  const find = (kind: string, namespace: string | undefined, name: string) =>
    objects.find(
      (o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace,
    );
  return {
    service: (ns, name) => find('Service', ns, name),
    gateway: (ns, name) => find('Gateway', ns, name),
    gatewayClass: (name) => find('GatewayClass', undefined, name),
    namespaceLabels: (ns) => labels[ns],
    referenceGrants: (ns) =>
      objects.filter((o) => o.kind === 'ReferenceGrant' && o.metadata.namespace === ns),
    routes: () => objects.filter((o) => o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute'),
  };
}

const CLASSES = [
  gatewayClass('istio', 'istio.io/gateway-controller'),
  gatewayClass('istio-waypoint', 'istio.io/mesh-controller'),
];

describe('parentVerdict', () => {
  const r = ingressRoute();
  const ref = { name: 'travel-gateway', namespace: 'istio-system' };

  it('accepts a route on a listener that allows its namespace, kind and hostname', () => {
    expect(parentVerdict(r, ref, world([...CLASSES, ingress()]))).toEqual({
      ok: true,
      reason: 'Accepted',
      message: 'Route was valid',
    });
  });

  it('says NoMatchingParent when the Gateway or the Service does not exist', () => {
    expect(parentVerdict(r, ref, world(CLASSES))?.reason).toBe('NoMatchingParent');
    const mesh = route('travel', {});
    const svcRef = { group: '', kind: 'Service', name: 'flights', port: 8080 };
    expect(parentVerdict(mesh, svcRef, world([]))?.reason).toBe('NoMatchingParent');
    expect(parentVerdict(mesh, svcRef, world([service('travel', 'flights')]))?.ok).toBe(true);
  });

  it('says NotAllowedByListeners for a namespace the listener does not take', () => {
    const other = ingressRoute('travel');
    expect(parentVerdict(other, ref, world([...CLASSES, ingress('Same')]))?.reason).toBe(
      'NotAllowedByListeners',
    );
    const selected = world([...CLASSES, ingress('Selector')], { travel: { ingress: 'yes' } });
    expect(parentVerdict(other, ref, selected)?.ok).toBe(true);
    expect(parentVerdict(other, ref, world([...CLASSES, ingress('Selector')]))?.reason).toBe(
      'NotAllowedByListeners',
    );
  });

  it('matches hostnames with wildcards and refuses a route for another host', () => {
    const w = world([...CLASSES, ingress()]);
    expect(parentVerdict(ingressRoute('istio-system', ['*.example.com']), ref, w)?.ok).toBe(true);
    expect(parentVerdict(ingressRoute('istio-system', ['shop.example.com']), ref, w)?.reason).toBe(
      'NoMatchingListenerHostname',
    );
  });

  it('stays out of a parent Gateway whose class another controller owns', () => {
    const foreign = [gatewayClass('other', 'example.com/gateway'), ingress('All', 'other')];
    expect(parentVerdict(r, ref, world(foreign))).toBeUndefined();
  });
});

describe('backendVerdict', () => {
  it('needs a ReferenceGrant for a backend in another namespace, then the Service itself', () => {
    const r = ingressRoute();
    expect(backendVerdict(r, world([service('travel', 'web')])).reason).toBe('RefNotPermitted');
    expect(backendVerdict(r, world([grant])).reason).toBe('BackendNotFound');
    expect(backendVerdict(r, world([grant, service('travel', 'web')]))).toEqual({
      ok: true,
      reason: 'ResolvedRefs',
      message: 'All references resolved',
    });
  });

  it('does not take a grant for another kind or for another Service name', () => {
    const r = ingressRoute();
    const forGrpc = {
      ...grant,
      spec: {
        ...(grant.spec as object),
        from: [
          { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'istio-system' },
        ],
      },
    };
    const forOther = {
      ...grant,
      spec: { ...(grant.spec as object), to: [{ group: '', kind: 'Service', name: 'hotels' }] },
    };
    for (const g of [forGrpc, forOther])
      expect(backendVerdict(r, world([g, service('travel', 'web')])).reason).toBe(
        'RefNotPermitted',
      );
  });

  it('says BackendNotFound for a missing same-namespace Service', () => {
    const canary = route('travel', {
      rules: [
        {
          backendRefs: [
            { name: 'flights-v1', port: 8080 },
            { name: 'flights-v3', port: 8080 },
          ],
        },
      ],
    });
    const verdict = backendVerdict(canary, world([service('travel', 'flights-v1')]));
    expect(verdict).toMatchObject({ ok: false, reason: 'BackendNotFound' });
    expect(verdict.message).toContain('flights-v3.travel');
  });
});

describe('conditions', () => {
  it('keeps lastTransitionTime while the status holds and moves it when the status flips', () => {
    const first = conditions(
      undefined,
      [{ type: 'Accepted', verdict: { ok: true, reason: 'Accepted', message: '' } }],
      1,
      NOW,
    );
    const same = conditions(
      first,
      [{ type: 'Accepted', verdict: { ok: true, reason: 'Accepted', message: 'x' } }],
      2,
      LATER,
    );
    expect(same[0]).toMatchObject({ lastTransitionTime: NOW, observedGeneration: 2, message: 'x' });
    const flipped = conditions(
      first,
      [{ type: 'Accepted', verdict: { ok: false, reason: 'NoMatchingParent', message: '' } }],
      2,
      LATER,
    );
    expect(flipped[0]).toMatchObject({ status: 'False', lastTransitionTime: LATER });
  });
});

describe('routeStatus', () => {
  it('writes one Istio entry per parentRef with Accepted and ResolvedRefs at the route generation', () => {
    const canary = route('travel', {
      parentRefs: [{ group: '', kind: 'Service', name: 'flights', port: 8080 }],
      rules: [{ backendRefs: [{ name: 'flights-v1', port: 8080, weight: 90 }] }],
    });
    const status = routeStatus(
      canary,
      world([service('travel', 'flights'), service('travel', 'flights-v1')]),
      NOW,
    );
    expect(status).toEqual({
      parents: [
        {
          parentRef: { group: '', kind: 'Service', name: 'flights', port: 8080 },
          controllerName: 'istio.io/gateway-controller',
          conditions: [
            {
              type: 'Accepted',
              status: 'True',
              reason: 'Accepted',
              message: 'Route was valid',
              observedGeneration: 3,
              lastTransitionTime: NOW,
            },
            {
              type: 'ResolvedRefs',
              status: 'True',
              reason: 'ResolvedRefs',
              message: 'All references resolved',
              observedGeneration: 3,
              lastTransitionTime: NOW,
            },
          ],
        },
      ],
    });
  });

  it("keeps other controllers' entries", () => {
    const theirs = { parentRef: { name: 'x' }, controllerName: 'example.com/c', conditions: [] };
    const r = { ...route('travel', {}), status: { parents: [theirs] } };
    expect(routeStatus(r, world([]), NOW)).toEqual({ parents: [theirs] });
  });
});

describe('gatewayStatus', () => {
  it('accepts and programs a Gateway of an Istio class with its Service, counting attached routes', () => {
    const objects = [
      ...CLASSES,
      ingress(),
      service('istio-system', 'travel-gateway-istio', '10.96.0.80'),
      ingressRoute(),
    ];
    const status = gatewayStatus(ingress(), world(objects), NOW);
    expect(status?.addresses).toEqual([{ type: 'IPAddress', value: '10.96.0.80' }]);
    expect(status?.conditions).toMatchObject([
      { type: 'Accepted', status: 'True', reason: 'Accepted', observedGeneration: 2 },
      {
        type: 'Programmed',
        status: 'True',
        message:
          'Resource programmed, assigned to service(s) travel-gateway-istio.istio-system.svc.cluster.local:80',
      },
    ]);
    expect(status?.listeners).toMatchObject([
      {
        name: 'http',
        attachedRoutes: 1,
        supportedKinds: [
          { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' },
          { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute' },
        ],
      },
    ]);
  });

  it('names a waypoint Service as the Gateway and is not programmed without it', () => {
    const waypoint: KubeObject = {
      apiVersion: GW,
      kind: 'Gateway',
      metadata: { name: 'waypoint', namespace: 'travel' },
      spec: {
        gatewayClassName: 'istio-waypoint',
        listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
      },
    };
    expect(
      gatewayStatus(waypoint, world([...CLASSES, service('travel', 'waypoint')]), NOW)?.conditions,
    ).toMatchObject([
      { type: 'Accepted', status: 'True' },
      { type: 'Programmed', status: 'True' },
    ]);
    const unprogrammed = gatewayStatus(waypoint, world(CLASSES), NOW);
    expect(unprogrammed?.conditions).toMatchObject([
      { type: 'Accepted', status: 'True' },
      { type: 'Programmed', status: 'False', reason: 'NoResources' },
    ]);
    expect(unprogrammed?.addresses).toEqual([]);
  });

  it('is neither accepted nor programmed when the GatewayClass does not exist', () => {
    const status = gatewayStatus(ingress('All', 'missing'), world([]), NOW);
    expect(status?.conditions).toMatchObject([
      { type: 'Accepted', status: 'False', message: 'GatewayClass "missing" not found' },
      { type: 'Programmed', status: 'False' },
    ]);
  });
});

describe('gatewayClassStatus', () => {
  it("accepts Istio's classes and leaves the others alone", () => {
    expect(
      gatewayClassStatus(gatewayClass('istio', 'istio.io/gateway-controller'), NOW),
    ).toMatchObject({
      conditions: [{ type: 'Accepted', status: 'True', message: 'Handled by Istio controller' }],
    });
    expect(gatewayClassStatus(gatewayClass('x', 'example.com/c'), NOW)).toBeUndefined();
  });
});
