import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClientOn, sendJson, serveFakeKubeApi, type FakeKubeServer } from './fake-kube-api';
import { discoverUnknownResources, isMeshGroup, listUnknownObjects } from './unknown-kinds';

let server: FakeKubeServer;
const asked: { path: string; accept: string }[] = [];

const resource = (name: string, kind: string, verbs = ['get', 'list', 'watch']) => ({
  name,
  kind,
  namespaced: true,
  verbs,
});

const ROUTES: Record<string, object> = {
  '/apis': {
    kind: 'APIGroupList',
    groups: [
      { name: 'apps', versions: [{ version: 'v1' }], preferredVersion: { version: 'v1' } },
      {
        name: 'networking.istio.io',
        versions: [{ version: 'v1' }],
        preferredVersion: { version: 'v1' },
      },
      {
        name: 'gateway.networking.k8s.io',
        versions: [{ version: 'v1' }, { version: 'v1alpha2' }],
        preferredVersion: { version: 'v1' },
      },
    ],
  },
  '/apis/networking.istio.io/v1': {
    resources: [
      resource('virtualservices', 'VirtualService'),
      resource('virtualservices/status', 'VirtualService'),
    ],
  },
  '/apis/gateway.networking.k8s.io/v1': {
    resources: [resource('gateways', 'Gateway'), resource('httproutes', 'HTTPRoute')],
  },
  '/apis/gateway.networking.k8s.io/v1alpha2': {
    resources: [
      resource('tcproutes', 'TCPRoute'),
      resource('httproutes', 'HTTPRoute'),
      resource('tlsroutes', 'TLSRoute', ['get']),
    ],
  },
  '/apis/gateway.networking.k8s.io/v1alpha2/tcproutes': {
    apiVersion: 'meta.k8s.io/v1',
    kind: 'PartialObjectMetadataList',
    items: [{ metadata: { name: 'db', namespace: 'shop', resourceVersion: '7' } }],
  },
  '/apis/gateway.networking.k8s.io/v1alpha2/namespaces/shop/tcproutes': {
    items: [{ metadata: { name: 'db', namespace: 'shop', resourceVersion: '7' } }],
  },
};

beforeAll(async () => {
  server = await serveFakeKubeApi((req, res) => {
    const path = new URL(req.url ?? '', 'http://x').pathname;
    asked.push({ path, accept: req.headers.accept ?? '' });
    const body = ROUTES[path];
    if (body) return sendJson(res, 200, body);
    sendJson(res, 403, { kind: 'Status', code: 403, reason: 'Forbidden', message: 'no' });
  });
});

afterAll(async () => {
  await server.close();
});

describe('unknown kinds', () => {
  it('finds the mesh groups’ listable kinds Meshlens does not read, in any served version', async () => {
    const found = await discoverUnknownResources(fakeClientOn(server.url));
    expect(found).toEqual([
      {
        group: 'gateway.networking.k8s.io',
        version: 'v1alpha2',
        plural: 'tcproutes',
        kind: 'TCPRoute',
        namespaced: true,
      },
    ]);
    expect(asked.some((a) => a.path.startsWith('/apis/apps'))).toBe(false);
  });

  it('lists their objects by metadata only, cluster-wide or in the configured namespaces', async () => {
    const client = fakeClientOn(server.url);
    const [tcp] = await discoverUnknownResources(client);
    if (!tcp) throw new Error('no TCPRoute found');
    const expected = [
      {
        kind: 'TCPRoute',
        apiVersion: 'gateway.networking.k8s.io/v1alpha2',
        namespace: 'shop',
        name: 'db',
        resourceVersion: '7',
      },
    ];
    expect(await listUnknownObjects(client, tcp)).toEqual(expected);
    expect(asked.find((a) => a.path.endsWith('/tcproutes'))?.accept).toMatch(
      /as=PartialObjectMetadataList/,
    );
    expect(await listUnknownObjects(client, tcp, ['shop', 'bookinfo'])).toEqual(expected);
  });

  it('takes every *.istio.io group and the Gateway API’s as the mesh’s', () => {
    expect(isMeshGroup('extensions.istio.io')).toBe(true);
    expect(isMeshGroup('gateway.networking.k8s.io')).toBe(true);
    expect(isMeshGroup('notistio.io')).toBe(false);
    expect(isMeshGroup('apps')).toBe(false);
  });
});
