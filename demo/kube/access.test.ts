import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKubeApi, type KubeApi } from './api-server';
import { demoAccess, MESHLENS_USER, type DemoAccess } from './rbac-seed';
import type { KubeObject } from './types';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/kubernetes');
const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;

function vs(namespace: string, name: string): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name, namespace },
    spec: { hosts: [name], http: [{ route: [{ destination: { host: name } }] }] },
  };
}

const scenario: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookinfo' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  vs('bookinfo', 'reviews'),
  vs('shop', 'cart'),
];

let api: KubeApi;
let base: string;
let srv: http.Server;
let access: DemoAccess;
const token = (user: string): string => access.users.find((u) => u.name === user)?.token ?? '';

beforeAll(async () => {
  access = demoAccess(scenario, {
    extraTokens: [
      { token: 'expired-token', user: 'late', groups: [], expiresAt: new Date(Date.now() - 1000) },
      { token: 'jane-token', user: 'jane', groups: ['readers'] },
    ],
  });
  api = createKubeApi([...scenario, ...access.objects], {
    authentication: { tokens: access.tokens },
  });
  srv = http.createServer((req, res) => {
    if (!api.handle(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
});

afterAll(async () => {
  api.close();
  srv.closeAllConnections();
  await new Promise<void>((resolve) => srv.close(() => resolve()));
});

async function call(
  method: string,
  urlPath: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${urlPath}`, {
    method,
    headers: {
      ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const VS = '/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices';

describe('authentication', () => {
  it('answers 401 without a token, with an unknown one and with an expired one', async () => {
    for (const t of [undefined, 'nope', 'expired-token']) {
      const res = await call('GET', VS, t ? { token: t } : {});
      expect(res.status).toBe(401);
      expect(res.body).toEqual(fixture('status-401-unauthorized.derived-from-source.json'));
    }
  });

  it('keeps /version open to anonymous requests', async () => {
    expect((await call('GET', '/version')).status).toBe(200);
  });

  it('lets a valid token list what RBAC allows', async () => {
    const res = await call('GET', VS, { token: token('viewer') });
    expect(res.status).toBe(200);
    expect((res.body.items as unknown[]).length).toBe(1);
  });
});

describe("Meshlens' reads beyond the Istio kinds", () => {
  it('lists Secrets (as Tables), the control plane ConfigMaps and kinds it does not check', async () => {
    const meshlens = access.meshlensToken;
    const table = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' };
    const secrets = '/api/v1/namespaces/shop/secrets?includeObject=None';
    expect((await call('GET', secrets, { token: meshlens, headers: table })).status).toBe(200);
    expect((await call('GET', secrets, { token: token('viewer'), headers: table })).status).toBe(
      403,
    );
    expect(
      (await call('GET', '/api/v1/namespaces/istio-system/configmaps', { token: meshlens })).status,
    ).toBe(200);
    expect(
      (await call('GET', '/api/v1/namespaces/shop/configmaps', { token: meshlens })).status,
    ).toBe(403);
    for (const path of [
      '/apis/gateway.networking.k8s.io/v1alpha2/tcproutes',
      '/apis/telemetry.istio.io/v1/telemetries',
      '/apis/extensions.istio.io/v1alpha1/wasmplugins',
    ])
      expect((await call('GET', path, { token: meshlens })).status).toBe(200);
  });
});

describe('authorization', () => {
  it('refuses a viewer update with the 403 Status kube-apiserver writes', async () => {
    const current = await call('GET', `${VS}/reviews`, { token: token('admin') });
    const res = await call('PUT', `${VS}/reviews`, { token: token('viewer'), body: current.body });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(fixture('status-403-forbidden.derived-from-source.json'));
  });

  it('words a cluster-scope list denial without a name', async () => {
    const res = await call('GET', '/api/v1/namespaces', { token: token('viewer') });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      message:
        'namespaces is forbidden: User "viewer" cannot list resource "namespaces" in API group "" at the cluster scope',
      details: { kind: 'namespaces' },
    });
  });

  it('lets bookinfo-editor change routing in bookinfo but only read shop', async () => {
    const editor = token('bookinfo-editor');
    const patch = { metadata: { labels: { touched: 'yes' } } };
    const headers = { 'Content-Type': 'application/merge-patch+json' };
    expect(
      (await call('PATCH', `${VS}/reviews`, { token: editor, body: patch, headers })).status,
    ).toBe(200);
    const shop = '/apis/networking.istio.io/v1/namespaces/shop/virtualservices';
    expect((await call('GET', shop, { token: editor })).status).toBe(200);
    const denied = await call('PATCH', `${shop}/cart`, { token: editor, body: patch, headers });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe(
      'virtualservices.networking.istio.io "cart" is forbidden: User "bookinfo-editor" cannot patch resource "virtualservices" in API group "networking.istio.io" in the namespace "shop"',
    );
    expect((await call('GET', shop, { token: token('viewer') })).status).toBe(403);
  });

  it('gives the Gateway API the same rights as Istio routing: bookinfo-editor edits HTTPRoutes in bookinfo only', async () => {
    const routes = (ns: string) => `/apis/gateway.networking.k8s.io/v1/namespaces/${ns}/httproutes`;
    const route = (namespace: string) => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'reviews', namespace },
      spec: { rules: [{ backendRefs: [{ name: 'reviews', port: 9080 }] }] },
    });
    const editor = token('bookinfo-editor');
    expect(
      (await call('POST', routes('bookinfo'), { token: editor, body: route('bookinfo') })).status,
    ).toBe(201);
    expect(
      (await call('POST', routes('shop'), { token: editor, body: route('shop') })).status,
    ).toBe(403);
    expect((await call('GET', routes('shop'), { token: editor })).status).toBe(200);
    const viewer = token('viewer');
    expect((await call('GET', routes('bookinfo'), { token: viewer })).status).toBe(200);
    expect((await call('DELETE', `${routes('bookinfo')}/reviews`, { token: viewer })).status).toBe(
      403,
    );
    const meshlens = access.meshlensToken;
    expect(
      (await call('GET', '/apis/gateway.networking.k8s.io/v1/gatewayclasses', { token: meshlens }))
        .status,
    ).toBe(200);
    expect(
      (await call('GET', '/apis/gateway.networking.k8s.io/v1/gateways', { token: meshlens }))
        .status,
    ).toBe(200);
    expect(
      (await call('DELETE', `${routes('bookinfo')}/reviews`, { token: meshlens })).status,
    ).toBe(200);
    expect(
      (
        await call('DELETE', '/apis/gateway.networking.k8s.io/v1/gatewayclasses/istio', {
          token: editor,
        })
      ).status,
    ).toBe(403);
  });

  it('serves the RBAC objects themselves to those allowed to list them', async () => {
    const res = await call('GET', '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      token: token('admin'),
    });
    expect(res.status).toBe(200);
    const names = (res.body.items as KubeObject[]).map((o) => o.metadata.name);
    expect(names).toEqual(expect.arrayContaining(['cluster-admin', 'meshlens-demo-view']));
    expect(
      (
        await call('GET', '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
          token: token('viewer'),
        })
      ).status,
    ).toBe(403);
  });

  it('records each request with its user, verb and code', async () => {
    await call('GET', `${VS}/reviews`, { token: token('viewer') });
    expect(api.requests.at(-1)).toEqual({
      user: 'viewer',
      verb: 'get',
      path: `${VS}/reviews`,
      code: 200,
    });
  });
});

describe('impersonation', () => {
  it('lets Meshlens act as a user, and the request then has that user’s rights', async () => {
    const sa = access.meshlensToken;
    const as = { 'Impersonate-User': 'viewer' };
    expect((await call('GET', VS, { token: sa, headers: as })).status).toBe(200);
    const res = await call('GET', '/apis/networking.istio.io/v1/namespaces/shop/virtualservices', {
      token: sa,
      headers: as,
    });
    expect(res.status).toBe(403);
    expect(String(res.body.message)).toContain('User "viewer" cannot list');
  });

  it('refuses impersonation to a user without the impersonate verb', async () => {
    const res = await call('GET', VS, {
      token: token('viewer'),
      headers: { 'Impersonate-User': 'admin' },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      message:
        'users "admin" is forbidden: User "viewer" cannot impersonate resource "users" in API group "" at the cluster scope',
      details: { name: 'admin', kind: 'users' },
    });
  });
});

describe('review APIs through @kubernetes/client-node', () => {
  function client(t: string): k8s.KubeConfig {
    const kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'demo', server: base, skipTLSVerify: true }],
      users: [{ name: 'demo', token: t }],
      contexts: [{ name: 'demo', cluster: 'demo', user: 'demo' }],
      currentContext: 'demo',
    });
    return kc;
  }

  it('answers a SelfSubjectAccessReview per namespace', async () => {
    const authz = client(token('viewer')).makeApiClient(k8s.AuthorizationV1Api);
    const ask = (namespace: string) =>
      authz.createSelfSubjectAccessReview({
        body: {
          spec: {
            resourceAttributes: {
              namespace,
              verb: 'list',
              group: 'networking.istio.io',
              resource: 'virtualservices',
            },
          },
        },
      });
    expect((await ask('bookinfo')).status?.allowed).toBe(true);
    expect((await ask('shop')).status?.allowed).toBe(false);
  });

  it('answers a TokenReview for Meshlens and refuses it to a viewer', async () => {
    const authn = client(access.meshlensToken).makeApiClient(k8s.AuthenticationV1Api);
    const review = await authn.createTokenReview({ body: { spec: { token: token('viewer') } } });
    expect(review.status?.authenticated).toBe(true);
    expect(review.status?.user).toEqual({
      username: 'viewer',
      groups: ['system:authenticated'],
    });
    const bad = await authn.createTokenReview({ body: { spec: { token: 'expired-token' } } });
    expect(bad.status?.authenticated).toBeFalsy();
    const viewer = client(token('viewer')).makeApiClient(k8s.AuthenticationV1Api);
    await expect(
      viewer.createTokenReview({ body: { spec: { token: 'x' } } }),
    ).rejects.toMatchObject({ code: 403 });
  });

  it('answers a SubjectAccessReview for another user and SelfSubjectReview for the caller', async () => {
    const authz = client(access.meshlensToken).makeApiClient(k8s.AuthorizationV1Api);
    const sar = await authz.createSubjectAccessReview({
      body: {
        spec: {
          user: 'bookinfo-editor',
          groups: ['system:authenticated'],
          resourceAttributes: {
            namespace: 'bookinfo',
            verb: 'update',
            group: 'networking.istio.io',
            resource: 'virtualservices',
          },
        },
      },
    });
    expect(sar.status).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by RoleBinding "demo-routing-editor/bookinfo" of ClusterRole "meshlens-demo-routing-editor" to User "bookinfo-editor"',
    });
    const authn = client(access.meshlensToken).makeApiClient(k8s.AuthenticationV1Api);
    const self = await authn.createSelfSubjectReview({ body: {} });
    expect(self.status?.userInfo?.username).toBe(MESHLENS_USER);
  });

  it('lists the rules a user has in a namespace (SelfSubjectRulesReview)', async () => {
    const authz = client(token('viewer')).makeApiClient(k8s.AuthorizationV1Api);
    const rules = await authz.createSelfSubjectRulesReview({
      body: { spec: { namespace: 'bookinfo' } },
    });
    expect(rules.status?.resourceRules).toContainEqual({
      verbs: ['get', 'list', 'watch'],
      apiGroups: [
        'networking.istio.io',
        'security.istio.io',
        'telemetry.istio.io',
        'extensions.istio.io',
      ],
      resources: ['*'],
    });
    const shop = await authz.createSelfSubjectRulesReview({
      body: { spec: { namespace: 'shop' } },
    });
    expect(
      shop.status?.resourceRules.some((r) => r.apiGroups?.includes('networking.istio.io')),
    ).toBe(false);
  });
});

describe('a namespaced Meshlens install (meshlensScope: {namespaces})', () => {
  it('reads and writes only in its namespaces, and may still create token and access reviews', async () => {
    const scoped = demoAccess(scenario, { meshlensScope: { namespaces: ['bookinfo'] } });
    const kube = createKubeApi([...scenario, ...scoped.objects], {
      authentication: { tokens: scoped.tokens },
    });
    const server = http.createServer((req, res) => {
      if (!kube.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = (p: string, init: RequestInit = {}) =>
      fetch(`${url}${p}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${scoped.meshlensToken}`,
          'Content-Type': 'application/json',
        },
        signal: AbortSignal.timeout(5000),
      }).then((r) => r.status);
    try {
      expect(await get(VS)).toBe(200);
      expect(await get('/apis/networking.istio.io/v1/namespaces/shop/virtualservices')).toBe(403);
      expect(await get('/api/v1/namespaces')).toBe(403);
      expect(await get('/apis/networking.istio.io/v1/virtualservices')).toBe(403);
      const review = { method: 'POST', body: JSON.stringify({ spec: { token: 'x' } }) };
      expect(await get('/apis/authentication.k8s.io/v1/tokenreviews', review)).toBe(201);
      expect(kube.requests.map((r) => r.code)).toEqual([200, 403, 403, 403, 201]);
      const crbs = kube.store.list('clusterrolebindings');
      const meshlensCrbs = crbs.filter((b) => JSON.stringify(b).includes('"meshlens"'));
      expect(meshlensCrbs.map((b) => b.metadata.name)).toEqual(['meshlens-reviews']);
    } finally {
      kube.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
