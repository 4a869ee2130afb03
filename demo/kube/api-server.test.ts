import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKubeApi, type KubeApi } from './api-server';
import type { KubeObject } from './types';

const GROUP = 'networking.istio.io';
const vsPath = { group: GROUP, version: 'v1', namespace: 'default', plural: 'virtualservices' };

function reviews(weights: [number, number] = [90, 10]): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: {
      name: 'reviews',
      namespace: 'default',
      labels: { app: 'reviews', tier: 'backend' },
    },
    spec: {
      hosts: ['reviews'],
      http: [
        {
          route: [
            { destination: { host: 'reviews', subset: 'v1' }, weight: weights[0] },
            { destination: { host: 'reviews', subset: 'v2' }, weight: weights[1] },
          ],
        },
      ],
    },
  };
}

const seed: KubeObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'bookinfo', labels: { 'istio-injection': 'enabled' } },
  },
  reviews(),
  {
    ...reviews(),
    metadata: { name: 'ratings', namespace: 'bookinfo', labels: { app: 'ratings' } },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'reviews-v1-abc',
      namespace: 'bookinfo',
      labels: { app: 'reviews', version: 'v1' },
    },
    spec: {
      initContainers: [
        { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.30.0', restartPolicy: 'Always' },
      ],
      containers: [
        { name: 'reviews', image: 'docker.io/istio/examples-bookinfo-reviews-v1:1.20.3' },
      ],
    },
  },
];

let api: KubeApi;
let base: string;
let custom: k8s.CustomObjectsApi;
let kc: k8s.KubeConfig;

async function serve(kube: KubeApi): Promise<{ url: string; close: () => Promise<void> }> {
  const srv = http.createServer((req, res) => {
    if (!kube.handle(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    close: async () => {
      kube.close();
      srv.closeAllConnections();
      await new Promise<void>((resolve) => srv.close(() => resolve()));
    },
  };
}

let closeServer: () => Promise<void>;

beforeAll(async () => {
  api = createKubeApi(seed, { historyLimit: 50 });
  ({ url: base, close: closeServer } = await serve(api));
  kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'demo', server: base, skipTLSVerify: true }],
    users: [{ name: 'demo', token: 'demo-token' }],
    contexts: [{ name: 'demo', cluster: 'demo', user: 'demo' }],
    currentContext: 'demo',
  });
  custom = kc.makeApiClient(k8s.CustomObjectsApi);
});

afterAll(() => closeServer());

async function raw(method: string, path: string, body?: unknown, contentType = 'application/json') {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
  };
}

async function apiError(promise: Promise<unknown>): Promise<{ code: number; body: unknown }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof k8s.ApiException)
      return { code: err.code, body: JSON.parse(String(err.body)) as unknown };
    throw err;
  }
  throw new Error('expected the call to fail');
}

type Vs = KubeObject & { spec: { http: { route: { weight: number }[] }[] } };

describe('with @kubernetes/client-node', () => {
  it('lists VirtualServices with per-item kind/apiVersion and a list resourceVersion', async () => {
    const list = (await custom.listNamespacedCustomObject(vsPath)) as {
      kind: string;
      apiVersion: string;
      metadata: { resourceVersion: string };
      items: KubeObject[];
    };
    expect(list.kind).toBe('VirtualServiceList');
    expect(list.apiVersion).toBe('networking.istio.io/v1');
    expect(list.metadata.resourceVersion).toBe(String(api.store.revision()));
    expect(list.items.map((i) => [i.kind, i.apiVersion, i.metadata.name])).toEqual([
      ['VirtualService', 'networking.istio.io/v1', 'reviews'],
    ]);
    const item = list.items[0];
    expect(item?.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(item?.metadata.generation).toBe(1);
    expect(item?.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('serves the same object under v1beta1 and v1alpha3 with the requested apiVersion', async () => {
    for (const version of ['v1beta1', 'v1alpha3']) {
      const vs = (await custom.getNamespacedCustomObject({
        ...vsPath,
        version,
        name: 'reviews',
      })) as KubeObject;
      expect(vs.apiVersion).toBe(`networking.istio.io/${version}`);
    }
  });

  it('answers a stale replace with the exact 409 Conflict Status and changes nothing', async () => {
    const current = (await custom.getNamespacedCustomObject({
      ...vsPath,
      name: 'reviews',
    })) as KubeObject;
    const stale = { ...current, metadata: { ...current.metadata, resourceVersion: '1' } };
    const before = api.store.revision();
    const err = await apiError(
      custom.replaceNamespacedCustomObject({ ...vsPath, name: 'reviews', body: stale }),
    );
    expect(err.code).toBe(409);
    expect(err.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'Operation cannot be fulfilled on virtualservices.networking.istio.io "reviews": the object has been modified; please apply your changes to the latest version and try again',
      reason: 'Conflict',
      details: { name: 'reviews', group: GROUP, kind: 'virtualservices' },
      code: 409,
    });
    expect(api.store.revision()).toBe(before);
  });

  it('rejects a string weight with 422 Invalid naming the field', async () => {
    const bad = structuredClone(reviews()) as Vs;
    bad.metadata.name = 'bad-weight';
    (bad.spec.http[0]?.route[0] as Record<string, unknown>).weight = 'x';
    const err = await apiError(custom.createNamespacedCustomObject({ ...vsPath, body: bad }));
    expect(err.code).toBe(422);
    expect(err.body).toMatchObject({
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      message: expect.stringMatching(
        /^VirtualService\.networking\.istio\.io "bad-weight" is invalid: \[spec\.http\[0\]\.route\[0\]\.weight: Invalid value: "string": spec\.http\[0\]\.route\[0\]\.weight in body must be of type integer: "string", /,
      ) as unknown,
      details: {
        name: 'bad-weight',
        group: GROUP,
        kind: 'VirtualService',
        causes: expect.arrayContaining([
          {
            reason: 'FieldValueTypeInvalid',
            message:
              'Invalid value: "string": spec.http[0].route[0].weight in body must be of type integer: "string"',
            field: 'spec.http[0].route[0].weight',
          },
        ]) as unknown,
      },
    });
    expect(api.store.get('virtualservices', 'default', 'bad-weight')).toBeUndefined();
  });

  it('answers dryRun=All create with the would-be object and stores nothing', async () => {
    const before = api.store.revision();
    const body = { ...reviews(), metadata: { name: 'dry', namespace: 'default' } };
    const created = (await custom.createNamespacedCustomObject({
      ...vsPath,
      body,
      dryRun: 'All',
    })) as KubeObject;
    expect(created.metadata.name).toBe('dry');
    expect(created.metadata.uid).toBeTruthy();
    expect(created.metadata.resourceVersion).toBeUndefined();
    expect(api.store.get('virtualservices', 'default', 'dry')).toBeUndefined();
    expect(api.store.revision()).toBe(before);
  });

  it('merge-patches with the Content-Type set through setHeaderOptions, bumping generation', async () => {
    const before = (await custom.getNamespacedCustomObject({ ...vsPath, name: 'reviews' })) as Vs;
    const http = structuredClone(before.spec.http);
    (http[0]?.route[0] as { weight: number }).weight = 50;
    (http[0]?.route[1] as { weight: number }).weight = 50;
    const patched = (await custom.patchNamespacedCustomObject(
      { ...vsPath, name: 'reviews', body: { spec: { http } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    )) as Vs;
    expect(patched.spec.http[0]?.route.map((r) => r.weight)).toEqual([50, 50]);
    expect(patched.metadata.generation).toBe((before.metadata.generation ?? 0) + 1);
    expect(Number(patched.metadata.resourceVersion)).toBeGreaterThan(
      Number(before.metadata.resourceVersion),
    );
    expect(api.store.list('virtualservices', 'default')[0]).toMatchObject({
      spec: { http: [{ route: [{ weight: 50 }, { weight: 50 }] }] },
    });
  });

  it('json-patches by default and answers a failed test op like patch.go does', async () => {
    const ok = (await custom.patchNamespacedCustomObject({
      ...vsPath,
      name: 'reviews',
      body: [{ op: 'replace', path: '/metadata/labels/tier', value: 'mid' }],
    })) as KubeObject;
    expect(ok.metadata.labels?.tier).toBe('mid');
    const err = await apiError(
      custom.patchNamespacedCustomObject({
        ...vsPath,
        name: 'reviews',
        body: [{ op: 'test', path: '/metadata/labels/tier', value: 'nope' }],
      }),
    );
    expect(err).toEqual({
      code: 422,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server rejected our request due to an error in our request',
        reason: 'Invalid',
        details: {},
        code: 422,
      },
    });
  });

  it('lets an informer see a change made by another client', async () => {
    const listFn = () =>
      custom.listNamespacedCustomObject(vsPath) as Promise<
        k8s.KubernetesListObject<k8s.KubernetesObject>
      >;
    const informer = k8s.makeInformer(
      kc,
      `/apis/${GROUP}/v1/namespaces/default/virtualservices`,
      listFn,
    );
    const seen: string[] = [];
    const updated = new Promise<void>((resolve) => {
      informer.on('update', (obj) => {
        seen.push(`update:${obj.metadata?.name ?? ''}`);
        resolve();
      });
    });
    informer.on('add', (obj) => seen.push(`add:${obj.metadata?.name ?? ''}`));
    await informer.start();
    await new Promise((r) => setTimeout(r, 100));
    const other = new k8s.KubeConfig();
    other.loadFromString(kc.exportConfig());
    await other
      .makeApiClient(k8s.CustomObjectsApi)
      .patchNamespacedCustomObject(
        { ...vsPath, name: 'reviews', body: { metadata: { annotations: { touched: 'yes' } } } },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
      );
    await updated;
    await informer.stop();
    expect(seen).toEqual(['add:reviews', 'update:reviews']);
    expect(informer.get('reviews', 'default')?.metadata?.annotations?.touched).toBe('yes');
  });

  it('streams watch events to the Watch class', async () => {
    const events: string[] = [];
    const watch = new k8s.Watch(kc);
    const done = new Promise<void>((resolve) => {
      void watch.watch(
        `/apis/${GROUP}/v1/namespaces/default/virtualservices`,
        { resourceVersion: String(api.store.revision()) },
        (type: string, obj: KubeObject) => {
          events.push(`${type}:${obj.metadata.name}`);
          if (type === 'DELETED') resolve();
        },
        () => {},
      );
    });
    await new Promise((r) => setTimeout(r, 50));
    await custom.createNamespacedCustomObject({
      ...vsPath,
      body: { ...reviews(), metadata: { name: 'temp', namespace: 'default' } },
    });
    const status = await custom.deleteNamespacedCustomObject({ ...vsPath, name: 'temp' });
    await done;
    expect(events).toEqual(['ADDED:temp', 'DELETED:temp']);
    expect(status).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'temp', group: GROUP, kind: 'virtualservices' },
    });
  });

  it('lists core objects through CoreV1Api with a plausible pod status', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const pods = await core.listNamespacedPod({
      namespace: 'bookinfo',
      labelSelector: 'app in (reviews),version!=v2',
    });
    const pod = pods.items[0];
    expect(pod?.status?.phase).toBe('Running');
    expect(pod?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(pod?.status?.initContainerStatuses?.[0]).toMatchObject({
      name: 'istio-proxy',
      ready: true,
      started: true,
    });
    expect(pod?.status?.containerStatuses?.[0]).toMatchObject({ name: 'reviews', ready: true });
    const namespaces = await core.listNamespace();
    expect(namespaces.items.map((n) => n.metadata?.name)).toEqual([
      'bookinfo',
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
  });
});

describe('wire details', () => {
  it('serves discovery', async () => {
    const groups = await raw('GET', '/apis');
    expect(groups.body).toMatchObject({
      kind: 'APIGroupList',
      groups: expect.arrayContaining([
        expect.objectContaining({
          name: GROUP,
          preferredVersion: { groupVersion: `${GROUP}/v1`, version: 'v1' },
        }),
      ]) as unknown,
    });
    const resources = await raw('GET', '/apis/security.istio.io/v1beta1');
    expect(resources.body).toMatchObject({
      kind: 'APIResourceList',
      groupVersion: 'security.istio.io/v1beta1',
    });
    expect((await raw('GET', '/api/v1')).body).toMatchObject({
      groupVersion: 'v1',
      resources: expect.arrayContaining([
        expect.objectContaining({ name: 'pods', kind: 'Pod', namespaced: true }),
      ]) as unknown,
    });
    expect((await raw('GET', '/version')).body).toMatchObject({
      major: '1',
      gitVersion: expect.stringMatching(/^v1\./) as unknown,
    });
  });

  it('answers NotFound, AlreadyExists and malformed bodies with Status objects', async () => {
    expect((await raw('GET', '/api/v1/namespaces/default/pods/x')).body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "x" not found',
      reason: 'NotFound',
      details: { name: 'x', kind: 'pods' },
      code: 404,
    });
    const missing = await raw('GET', `/apis/${GROUP}/v1/namespaces/default/virtualservices/nope`);
    expect(missing.body.message).toBe('virtualservices.networking.istio.io "nope" not found');
    const dup = await raw(
      'POST',
      `/apis/${GROUP}/v1/namespaces/default/virtualservices`,
      reviews(),
    );
    expect([dup.status, dup.body.reason, dup.body.message]).toEqual([
      409,
      'AlreadyExists',
      'virtualservices.networking.istio.io "reviews" already exists',
    ]);
    const malformed = await raw(
      'POST',
      `/apis/${GROUP}/v1/namespaces/default/virtualservices`,
      '{"kind":',
    );
    expect([malformed.status, malformed.body.reason]).toEqual([400, 'BadRequest']);
  });

  it('filters all-namespace lists by label and field selectors', async () => {
    const names = async (query: string) =>
      (
        (await raw('GET', `/apis/${GROUP}/v1/virtualservices?${query}`)).body.items as KubeObject[]
      ).map((i) => i.metadata.name);
    expect(await names('')).toEqual(['ratings', 'reviews']);
    expect(await names('labelSelector=app%3Dratings')).toEqual(['ratings']);
    expect(await names('labelSelector=app%20notin%20(ratings)')).toEqual(['reviews']);
    expect(await names('labelSelector=tier')).toEqual(['reviews']);
    expect(await names('labelSelector=!tier')).toEqual(['ratings']);
    expect(await names('fieldSelector=metadata.namespace%3Dbookinfo')).toEqual(['ratings']);
    expect(await names('fieldSelector=metadata.name!%3Dratings')).toEqual(['reviews']);
    const bad = await raw('GET', `/apis/${GROUP}/v1/virtualservices?fieldSelector=spec.hosts%3Dx`);
    expect(bad.status).toBe(400);
  });

  it('deletes pods answering with the object, and omits kind from typed list items', async () => {
    const list = await raw('GET', '/api/v1/pods');
    expect((list.body.items as Record<string, unknown>[])[0]).not.toHaveProperty('kind');
    const dry = await raw('DELETE', '/api/v1/namespaces/bookinfo/pods/reviews-v1-abc?dryRun=All');
    expect(dry.body).toMatchObject({ kind: 'Pod', metadata: { name: 'reviews-v1-abc' } });
    expect(api.store.get('pods', 'bookinfo', 'reviews-v1-abc')).toBeDefined();
  });

  it('replays history after a resourceVersion', async () => {
    const rv = api.store.revision();
    for (let i = 0; i < 3; i++) {
      await raw(
        'PATCH',
        `/apis/${GROUP}/v1/namespaces/bookinfo/virtualservices/ratings`,
        { metadata: { labels: { n: String(i) } } },
        'application/merge-patch+json',
      );
    }
    const res = await fetch(
      `${base}/apis/${GROUP}/v1/namespaces/bookinfo/virtualservices?watch=1&resourceVersion=${rv}&timeoutSeconds=1`,
    );
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; object: KubeObject });
    expect(lines.map((l) => `${l.type}:${l.object.metadata.labels?.n ?? ''}`)).toEqual([
      'MODIFIED:0',
      'MODIFIED:1',
      'MODIFIED:2',
    ]);
  });

  it('sends 410 Expired in-band when the resourceVersion was compacted away', async () => {
    const small = createKubeApi([reviews()], { historyLimit: 2 });
    const { url, close } = await serve(small);
    for (const weights of [
      [80, 20],
      [70, 30],
      [60, 40],
    ] as const) {
      const current = small.store.get('virtualservices', 'default', 'reviews');
      small.store.replace('virtualservices', {
        ...reviews([...weights]),
        metadata: { ...current?.metadata, name: 'reviews' },
      });
    }
    const old = await fetch(`${url}/apis/${GROUP}/v1/virtualservices?watch=true&resourceVersion=1`);
    expect(old.status).toBe(200);
    const [event] = (await old.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; object: Record<string, unknown> });
    expect(event).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 },
    });
    await close();
  });

  it('rejects a merge patch carrying a stale resourceVersion with 409', async () => {
    const res = await raw(
      'PATCH',
      `/apis/${GROUP}/v1/namespaces/default/virtualservices/reviews`,
      { metadata: { resourceVersion: '1' }, spec: { hosts: ['changed'] } },
      'application/merge-patch+json',
    );
    expect([res.status, res.body.reason]).toEqual([409, 'Conflict']);
    expect(api.store.get('virtualservices', 'default', 'reviews')?.spec).toMatchObject({
      hosts: ['reviews'],
    });
  });

  it('does not persist a no-op update', async () => {
    const current = (
      await raw('GET', `/apis/${GROUP}/v1/namespaces/default/virtualservices/reviews`)
    ).body;
    const before = api.store.revision();
    const res = await raw(
      'PUT',
      `/apis/${GROUP}/v1/namespaces/default/virtualservices/reviews`,
      current,
    );
    expect(res.status).toBe(200);
    expect(api.store.revision()).toBe(before);
  });

  it('warns about pruned unknown fields, and rejects them under fieldValidation=Strict', async () => {
    const body = {
      ...reviews(),
      metadata: { name: 'extra', namespace: 'default' },
      spec: { ...(reviews().spec as object), bogus: true },
    };
    const strict = await raw(
      'POST',
      `/apis/${GROUP}/v1/namespaces/default/virtualservices?fieldValidation=Strict`,
      body,
    );
    expect([strict.status, strict.body.message]).toEqual([
      400,
      'strict decoding error: unknown field "spec.bogus"',
    ]);
    const warned = await raw('POST', `/apis/${GROUP}/v1/namespaces/default/virtualservices`, body);
    expect(warned.status).toBe(201);
    expect(warned.headers.get('warning')).toBe('299 - "unknown field \\"spec.bogus\\""');
    expect(warned.body.spec).not.toHaveProperty('bogus');
  });
});
