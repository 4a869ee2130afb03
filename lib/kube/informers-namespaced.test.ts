import { afterEach, describe, expect, it } from 'vitest';
import { informerSetOn, openWatch, sendJson, serveFakeKubeApi } from './fake-kube-api';

/** Answers namespaced lists and GETs of bookinfo/shop, 403 on anything else; records every path. */
async function fakeApi(forbidNamespaceGet: boolean): Promise<{
  url: string;
  paths: string[];
  close: () => Promise<void>;
}> {
  const paths: string[] = [];
  const server = await serveFakeKubeApi((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    paths.push(url.pathname);
    const json = (code: number, body: object): void => sendJson(res, code, body);
    const ns = /^\/api\/v1\/namespaces\/(bookinfo|shop)$/.exec(url.pathname)?.[1];
    if (ns && !forbidNamespaceGet)
      return json(200, {
        kind: 'Namespace',
        apiVersion: 'v1',
        metadata: { name: ns, resourceVersion: '1', labels: { 'istio-injection': 'enabled' } },
      });
    const inNs = /\/namespaces\/(bookinfo|shop)\/pods$/.exec(url.pathname)?.[1];
    if (inNs && url.searchParams.get('watch') === 'true') {
      openWatch(res);
      return;
    }
    if (inNs)
      return json(200, {
        kind: 'PodList',
        apiVersion: 'v1',
        metadata: { resourceVersion: '5' },
        items: [{ metadata: { name: `p-${inNs}`, namespace: inNs, resourceVersion: '5' } }],
      });
    return json(403, {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      message: `forbidden: ${url.pathname}`,
    });
  });
  return { url: server.url, paths, close: () => server.close() };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(forbidNamespaceGet: boolean, resources: ('namespaces' | 'pods')[]) {
  const api = await fakeApi(forbidNamespaceGet);
  cleanups.push(() => api.close());
  const set = informerSetOn(api.url, {
    resources,
    namespaces: ['bookinfo', 'shop'],
    initialBackoffMs: 20,
    maxBackoffMs: 50,
  });
  cleanups.push(() => set.stop());
  return { api, set };
}

describe('createInformerSet with namespaces', () => {
  it('makes only namespaced requests and merges the namespaces’ caches', async () => {
    const { api, set } = await start(false, ['namespaces', 'pods']);
    await set.ready(3000);
    expect(set.list('pods').map((p) => p.metadata?.name)).toEqual(['p-bookinfo', 'p-shop']);
    expect(set.list('namespaces').map((n) => n.metadata?.labels)).toEqual([
      { 'istio-injection': 'enabled' },
      { 'istio-injection': 'enabled' },
    ]);
    expect(api.paths.length).toBeGreaterThan(0);
    for (const path of api.paths) expect(path).toMatch(/\/namespaces\/(bookinfo|shop)(\/|$)/);
    expect(new Set(api.paths)).toEqual(
      new Set([
        '/api/v1/namespaces/bookinfo',
        '/api/v1/namespaces/shop',
        '/api/v1/namespaces/bookinfo/pods',
        '/api/v1/namespaces/shop/pods',
      ]),
    );
    expect(set.state().ok).toBe(true);
  });

  it('shows a configured namespace by name when the Role does not grant get on it', async () => {
    const { set } = await start(true, ['namespaces']);
    await set.ready(3000);
    expect(set.list('namespaces').map((n) => n.metadata?.name)).toEqual(['bookinfo', 'shop']);
    expect(set.state().ok).toBe(true);
  });

  it('names the resource and the namespace of a failed list', async () => {
    const api = await fakeApi(false);
    cleanups.push(() => api.close());
    const set = informerSetOn(api.url, {
      resources: ['services'],
      namespaces: ['bookinfo'],
      initialBackoffMs: 1000,
    });
    cleanups.push(() => set.stop());
    const err = await set.ready(300).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(
      /did not deliver services in bookinfo within 300 ms: services in bookinfo: /,
    );
    expect(set.state().resources.services.error).toMatch(/^services in bookinfo: /);
  });

  it('makes no cluster-scoped request for GatewayClasses and holds none', async () => {
    const api = await fakeApi(false);
    cleanups.push(() => api.close());
    const set = informerSetOn(api.url, {
      resources: ['gatewayclasses', 'services'],
      namespaces: ['bookinfo'],
      initialBackoffMs: 20,
    });
    cleanups.push(() => set.stop());
    await set.ready(3000).catch(() => undefined);
    expect(api.paths.some((p) => p.includes('gatewayclasses'))).toBe(false);
    expect(set.list('gatewayclasses')).toEqual([]);
    expect(set.state().resources.gatewayclasses).toBeUndefined();
  });

  it('keeps a 403 on a namespaced Gateway API kind an error', async () => {
    const api = await fakeApi(false);
    cleanups.push(() => api.close());
    const set = informerSetOn(api.url, {
      resources: ['httproutes'],
      namespaces: ['bookinfo'],
      initialBackoffMs: 1000,
    });
    cleanups.push(() => set.stop());
    await set.ready(300).catch(() => undefined);
    expect(set.state().resources.httproutes.error).toMatch(/^httproutes in bookinfo: /);
  });
});
