import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKubeApi, type KubeApi } from './api-server';
import type { KubeObject } from './types';

const GV = 'gateway.networking.k8s.io/v1';
const APIS = '/apis/gateway.networking.k8s.io/v1';

const service = (namespace: string, name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { ports: [{ name: 'http', port: 8080 }] },
});

const seed: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'travel' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'istio-system' } },
  service('travel', 'flights'),
  service('travel', 'flights-v1'),
  service('travel', 'web'),
  service('istio-system', 'travel-gateway-istio'),
  {
    apiVersion: GV,
    kind: 'GatewayClass',
    metadata: { name: 'istio' },
    spec: { controllerName: 'istio.io/gateway-controller' },
  },
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'travel-gateway', namespace: 'istio-system' },
    spec: { selector: { istio: 'ingressgateway' }, servers: [] },
  },
];

let api: KubeApi;
let server: http.Server;
let base: string;

beforeAll(async () => {
  api = createKubeApi(seed, { now: () => new Date('2026-12-05T21:00:00Z') });
  server = http.createServer((req, res) => {
    if (!api.handle(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  api.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

type Obj = KubeObject & { status?: Record<string, unknown>; spec: Record<string, unknown> };

async function call(
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ code: number; body: Obj & Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': contentType },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { code: res.status, body: (await res.json()) as Obj & Record<string, unknown> };
}

const canary = (weights: [number, number] = [90, 10]) => ({
  apiVersion: GV,
  kind: 'HTTPRoute',
  metadata: { name: 'flights', namespace: 'travel' },
  spec: {
    parentRefs: [{ group: '', kind: 'Service', name: 'flights', port: 8080 }],
    rules: [
      {
        backendRefs: [
          { name: 'flights-v1', port: 8080, weight: weights[0] },
          { name: 'flights-v2', port: 8080, weight: weights[1] },
        ],
      },
    ],
  },
});

const conditionsOf = (route: Obj, index = 0): Record<string, unknown>[] =>
  (route.status?.parents as { conditions: Record<string, unknown>[] }[] | undefined)?.[index]
    ?.conditions ?? [];

describe('the Gateway API in the demo API server', () => {
  it('is discovered with its short names, categories and scope', async () => {
    const groups = await call('GET', '/apis');
    expect(JSON.stringify(groups.body)).toContain('"name":"gateway.networking.k8s.io"');
    const list = await call('GET', APIS);
    const resources = list.body.resources as Record<string, unknown>[];
    expect(resources.map((r) => r.name)).toEqual(
      ['gateways', 'gatewayclasses', 'httproutes', 'grpcroutes', 'referencegrants'].flatMap((p) => [
        p,
        `${p}/status`,
      ]),
    );
    expect(resources.find((r) => r.name === 'httproutes/status')?.verbs).toEqual([
      'get',
      'patch',
      'update',
    ]);
    expect(resources).toContainEqual(
      expect.objectContaining({
        name: 'gatewayclasses',
        namespaced: false,
        shortNames: ['gc'],
        categories: ['gateway-api'],
      }),
    );
    expect(resources.find((r) => r.name === 'gateways')?.shortNames).toEqual(['gtw']);
    expect(resources.find((r) => r.name === 'referencegrants')?.shortNames).toEqual(['refgrant']);
  });

  it('creates an HTTPRoute with defaults and generation 1, and the controller writes its status', async () => {
    const created = await call('POST', `${APIS}/namespaces/travel/httproutes`, canary());
    expect(created.code).toBe(201);
    expect(created.body.metadata.generation).toBe(1);
    const rule = (created.body.spec.rules as Record<string, unknown>[])[0];
    expect(rule?.matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
    expect(rule?.backendRefs).toContainEqual(
      expect.objectContaining({ group: '', kind: 'Service', name: 'flights-v1', weight: 90 }),
    );

    const read = await call('GET', `${APIS}/namespaces/travel/httproutes/flights`);
    expect(Number(read.body.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.body.metadata.resourceVersion),
    );
    const parents = read.body.status?.parents as Record<string, unknown>[];
    expect(parents).toHaveLength(1);
    expect(parents[0]).toMatchObject({
      parentRef: { group: '', kind: 'Service', name: 'flights', port: 8080 },
      controllerName: 'istio.io/gateway-controller',
    });
    expect(conditionsOf(read.body)).toMatchObject([
      { type: 'Accepted', status: 'True', reason: 'Accepted', observedGeneration: 1 },
      {
        type: 'ResolvedRefs',
        status: 'False',
        reason: 'BackendNotFound',
        lastTransitionTime: '2026-12-05T21:00:00Z',
      },
    ]);
  });

  it('resolves the backend once its Service exists, and does not write again after that', async () => {
    await call('POST', '/api/v1/namespaces/travel/services', service('travel', 'flights-v2'));
    const read = await call('GET', `${APIS}/namespaces/travel/httproutes/flights`);
    expect(conditionsOf(read.body)[1]).toMatchObject({ status: 'True', reason: 'ResolvedRefs' });
    const revision = api.store.revision();
    await call('GET', `${APIS}/namespaces/travel/httproutes/flights`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.store.revision()).toBe(revision);
  });

  it('bumps generation on a spec change and the controller follows with observedGeneration', async () => {
    const patched = await call(
      'PATCH',
      `${APIS}/namespaces/travel/httproutes/flights`,
      { spec: { rules: canary([50, 50]).spec.rules } },
      'application/merge-patch+json',
    );
    expect(patched.code).toBe(200);
    expect(patched.body.metadata.generation).toBe(2);
    const read = await call('GET', `${APIS}/namespaces/travel/httproutes/flights`);
    expect(conditionsOf(read.body)[0]).toMatchObject({ observedGeneration: 2 });
  });

  it('refuses a weight above 1000000 with 422 and the field path', async () => {
    const res = await call('POST', `${APIS}/namespaces/travel/httproutes`, {
      ...canary([2_000_000, 10]),
      metadata: { name: 'heavy', namespace: 'travel' },
    });
    expect(res.code).toBe(422);
    expect(res.body).toMatchObject({
      reason: 'Invalid',
      details: {
        name: 'heavy',
        group: 'gateway.networking.k8s.io',
        kind: 'HTTPRoute',
        causes: [
          {
            reason: 'FieldValueInvalid',
            field: 'spec.rules[0].backendRefs[0].weight',
            message:
              'Invalid value: 2000000: spec.rules[0].backendRefs[0].weight in body should be less than or equal to 1000000',
          },
        ],
      },
    });
    expect(api.store.get('httproutes', 'travel', 'heavy')).toBeUndefined();
  });

  it('keeps the Gateway API Gateway apart from the Istio Gateway of the same name', async () => {
    const gateway = {
      apiVersion: GV,
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
            allowedRoutes: { namespaces: { from: 'Same' } },
          },
        ],
      },
    };
    expect((await call('POST', `${APIS}/namespaces/istio-system/gateways`, gateway)).code).toBe(
      201,
    );
    const istio = await call(
      'GET',
      '/apis/networking.istio.io/v1/namespaces/istio-system/gateways/travel-gateway',
    );
    expect(istio.body.spec.selector).toEqual({ istio: 'ingressgateway' });
    const read = await call('GET', `${APIS}/namespaces/istio-system/gateways/travel-gateway`);
    expect(read.body.status?.conditions).toMatchObject([
      { type: 'Accepted', status: 'True' },
      { type: 'Programmed', status: 'True' },
    ]);
    expect(read.body.status?.addresses).toEqual([
      { type: 'IPAddress', value: expect.stringMatching(/^10\./) as unknown },
    ]);
  });

  it('reports a cross-namespace route as not allowed, then not permitted, then resolved', async () => {
    const route = {
      apiVersion: GV,
      kind: 'HTTPRoute',
      metadata: { name: 'travel-ingress', namespace: 'travel' },
      spec: {
        parentRefs: [{ name: 'travel-gateway', namespace: 'istio-system' }],
        hostnames: ['travel.example.com'],
        rules: [{ backendRefs: [{ name: 'web', port: 8080 }] }],
      },
    };
    await call('POST', `${APIS}/namespaces/travel/httproutes`, route);
    let read = await call('GET', `${APIS}/namespaces/travel/httproutes/travel-ingress`);
    expect(conditionsOf(read.body)[0]).toMatchObject({
      status: 'False',
      reason: 'NotAllowedByListeners',
    });

    const fromIngress = {
      ...route,
      metadata: { name: 'travel-ingress', namespace: 'istio-system' },
      spec: {
        ...route.spec,
        rules: [{ backendRefs: [{ name: 'web', namespace: 'travel', port: 8080 }] }],
      },
    };
    await call('POST', `${APIS}/namespaces/istio-system/httproutes`, fromIngress);
    read = await call('GET', `${APIS}/namespaces/istio-system/httproutes/travel-ingress`);
    expect(conditionsOf(read.body)).toMatchObject([
      { type: 'Accepted', status: 'True' },
      { type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' },
    ]);

    await call('POST', `${APIS}/namespaces/travel/referencegrants`, {
      apiVersion: GV,
      kind: 'ReferenceGrant',
      metadata: { name: 'allow-ingress-routes', namespace: 'travel' },
      spec: {
        from: [
          { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'istio-system' },
        ],
        to: [{ group: '', kind: 'Service' }],
      },
    });
    read = await call('GET', `${APIS}/namespaces/istio-system/httproutes/travel-ingress`);
    expect(conditionsOf(read.body)[1]).toMatchObject({ status: 'True', reason: 'ResolvedRefs' });
    const gateway = await call('GET', `${APIS}/namespaces/istio-system/gateways/travel-gateway`);
    expect(gateway.body.status?.listeners).toMatchObject([{ name: 'http', attachedRoutes: 1 }]);
  });

  it('serves GatewayClass at cluster scope and only there', async () => {
    const gc = {
      apiVersion: GV,
      kind: 'GatewayClass',
      metadata: { name: 'other' },
      spec: { controllerName: 'example.com/gateway-controller' },
    };
    expect((await call('POST', `${APIS}/gatewayclasses`, gc)).code).toBe(201);
    expect((await call('GET', `${APIS}/namespaces/travel/gatewayclasses/other`)).code).toBe(404);
    const istio = await call('GET', `${APIS}/gatewayclasses/istio`);
    expect(istio.body.status?.conditions).toMatchObject([
      { type: 'Accepted', status: 'True', message: 'Handled by Istio controller' },
    ]);
  });

  it('writes status only through the status subresource, without a generation bump', async () => {
    const before = await call('GET', `${APIS}/gatewayclasses/other`);
    expect(before.body.status).toBeUndefined();
    const status = {
      conditions: [
        {
          type: 'Accepted',
          status: 'False',
          reason: 'InvalidParameters',
          message: 'not ours',
          lastTransitionTime: '2026-12-05T21:00:00Z',
        },
      ],
    };
    const viaMain = await call('PUT', `${APIS}/gatewayclasses/other`, {
      ...before.body,
      status,
    });
    expect(viaMain.body.status).toBeUndefined();

    const viaStatus = await call('PUT', `${APIS}/gatewayclasses/other/status`, {
      ...before.body,
      spec: { controllerName: 'example.com/changed' },
      status,
    });
    expect(viaStatus.code).toBe(200);
    expect(viaStatus.body.status).toEqual(status);
    expect(viaStatus.body.spec.controllerName).toBe('example.com/gateway-controller');
    expect(viaStatus.body.metadata.generation).toBe(1);
    expect(Number(viaStatus.body.metadata.resourceVersion)).toBeGreaterThan(
      Number(before.body.metadata.resourceVersion),
    );

    const stale = await call('PUT', `${APIS}/gatewayclasses/other/status`, {
      ...before.body,
      status,
    });
    expect(stale.code).toBe(409);

    const bad = await call(
      'PATCH',
      `${APIS}/gatewayclasses/other/status`,
      { status: { conditions: [{ ...status.conditions[0], status: 'Maybe' }] } },
      'application/merge-patch+json',
    );
    expect(bad.code).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('status.conditions[0].status');
  });

  it('says a Gateway of a missing class is not accepted, and accepts it once the class exists', async () => {
    await call('POST', `${APIS}/namespaces/travel/gateways`, {
      apiVersion: GV,
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
    });
    let read = await call('GET', `${APIS}/namespaces/travel/gateways/waypoint`);
    expect(read.body.status?.conditions).toMatchObject([
      { type: 'Accepted', status: 'False' },
      { type: 'Programmed', status: 'False' },
    ]);
    await call('POST', `${APIS}/gatewayclasses`, {
      apiVersion: GV,
      kind: 'GatewayClass',
      metadata: { name: 'istio-waypoint' },
      spec: { controllerName: 'istio.io/mesh-controller' },
    });
    await call('POST', '/api/v1/namespaces/travel/services', service('travel', 'waypoint'));
    read = await call('GET', `${APIS}/namespaces/travel/gateways/waypoint`);
    expect(read.body.status?.conditions).toMatchObject([
      { type: 'Accepted', status: 'True' },
      { type: 'Programmed', status: 'True' },
    ]);
  });

  it('deletes the Gateway API objects with their namespace', async () => {
    await call('DELETE', '/api/v1/namespaces/travel');
    expect(api.store.list('httproutes', 'travel')).toEqual([]);
    expect(api.store.list('k8sgateways', 'travel')).toEqual([]);
    expect(api.store.list('referencegrants', 'travel')).toEqual([]);
  });
});
