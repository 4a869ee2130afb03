import type http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeClientOn, sendJson, serveFakeKubeApi, type FakeKubeServer } from './fake-kube-api';
import { TABLE_ACCEPT } from './raw-get';
import { createSideReads } from './side-reads';

const servers: FakeKubeServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const forbidden = {
  apiVersion: 'v1',
  kind: 'Status',
  status: 'Failure',
  reason: 'Forbidden',
  code: 403,
  message: 'forbidden',
};

function table(rows: [string, string][]): object {
  return {
    apiVersion: 'meta.k8s.io/v1',
    kind: 'Table',
    metadata: { resourceVersion: '1' },
    columnDefinitions: [
      { name: 'Name', type: 'string' },
      { name: 'Type', type: 'string' },
      { name: 'Data', type: 'string' },
    ],
    rows: rows.map(([name, type]) => ({ cells: [name, type, 2] })),
  };
}

const configMap = (name: string) => ({
  metadata: { name, namespace: 'istio-system' },
  data: { mesh: `rootNamespace: ${name}` },
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = await serveFakeKubeApi(handler);
  servers.push(server);
  return server.url;
}

describe('createSideReads', () => {
  it('reads Secrets as tables without objects, and only the control plane’s ConfigMaps', async () => {
    const asked: { url: string; accept: string }[] = [];
    const url = await serve((req, res) => {
      asked.push({ url: req.url ?? '', accept: req.headers.accept ?? '' });
      const path = new URL(req.url ?? '', 'http://x').pathname;
      if (path === '/api/v1/namespaces/shop/secrets')
        return sendJson(res, 200, table([['shop-cert', 'kubernetes.io/tls']]));
      if (path === '/api/v1/namespaces/bookinfo/secrets') return sendJson(res, 200, table([]));
      if (path === '/api/v1/namespaces/istio-system/configmaps')
        return sendJson(res, 200, {
          apiVersion: 'v1',
          kind: 'ConfigMapList',
          metadata: {},
          items: [configMap('istio'), configMap('istio-ca-root-cert'), configMap('app')],
        });
      sendJson(res, 404, { ...forbidden, code: 404, reason: 'NotFound' });
    });
    const side = createSideReads(fakeClientOn(url), {
      namespaces: () => ['shop', 'bookinfo'],
      controlPlaneNamespace: 'istio-system',
    });
    await side.ready(5_000);
    side.stop();
    expect(side.secrets()).toEqual([
      { metadata: { name: 'shop-cert', namespace: 'shop' }, type: 'kubernetes.io/tls' },
    ]);
    expect(side.configMaps()?.map((c) => c.metadata.name)).toEqual(['istio']);
    expect(side.revision()).toBeGreaterThan(0);
    const secretCalls = asked.filter((a) => a.url.includes('/secrets'));
    expect(secretCalls).toHaveLength(2);
    for (const call of secretCalls) {
      expect(call.accept).toBe(TABLE_ACCEPT);
      expect(call.url).toContain('includeObject=None');
    }
  });

  it('leaves Secrets unknown when one namespace refuses, and reads ConfigMaps by name when listing is refused', async () => {
    const url = await serve((req, res) => {
      const path = new URL(req.url ?? '', 'http://x').pathname;
      if (path === '/api/v1/namespaces/shop/secrets') return sendJson(res, 200, table([]));
      if (path === '/api/v1/namespaces/istio-system/configmaps/istio')
        return sendJson(res, 200, { apiVersion: 'v1', kind: 'ConfigMap', ...configMap('istio') });
      sendJson(res, 403, forbidden);
    });
    const side = createSideReads(fakeClientOn(url), {
      namespaces: () => ['shop', 'bookinfo'],
      controlPlaneNamespace: 'istio-system',
    });
    await side.ready(5_000);
    side.stop();
    expect(side.secrets()).toBeUndefined();
    expect(side.configMaps()?.map((c) => c.metadata.name)).toEqual(['istio']);
  });

  it('leaves Secrets unknown when the API server answers a plain list instead of a table', async () => {
    const url = await serve((req, res) =>
      sendJson(res, 200, { apiVersion: 'v1', kind: 'SecretList', metadata: {}, items: [] }),
    );
    const side = createSideReads(fakeClientOn(url), {
      namespaces: () => ['shop'],
      controlPlaneNamespace: 'istio-system',
    });
    await side.ready(5_000);
    side.stop();
    expect(side.secrets()).toBeUndefined();
    expect(side.configMaps()).toEqual([]);
  });

  it('follows the table’s continue token to the last page', async () => {
    const url = await serve((req, res) => {
      const query = new URL(req.url ?? '', 'http://x').searchParams;
      if (query.get('continue') === 'page2') return sendJson(res, 200, table([['b', 'Opaque']]));
      sendJson(res, 200, {
        ...table([['a', 'kubernetes.io/tls']]),
        metadata: { continue: 'page2' },
      });
    });
    const side = createSideReads(fakeClientOn(url), {
      namespaces: () => ['shop'],
      controlPlaneNamespace: 'istio-system',
    });
    await side.ready(5_000);
    side.stop();
    expect(side.secrets()?.map((s) => `${s.metadata.name} ${s.type}`)).toEqual([
      'a kubernetes.io/tls',
      'b Opaque',
    ]);
  });

  it('leaves Secrets unknown when the table has no Type column', async () => {
    const url = await serve((req, res) =>
      sendJson(res, 200, {
        kind: 'Table',
        columnDefinitions: [{ name: 'Name' }],
        rows: [{ cells: ['cert'] }],
      }),
    );
    const side = createSideReads(fakeClientOn(url), {
      namespaces: () => ['shop'],
      controlPlaneNamespace: 'istio-system',
    });
    await side.ready(5_000);
    side.stop();
    expect(side.secrets()).toBeUndefined();
  });

  it('does not wait past its bound for an API server that does not answer', async () => {
    const url = await serve(() => undefined);
    const side = createSideReads(fakeClientOn(url), {
      namespaces: () => ['shop'],
      controlPlaneNamespace: 'istio-system',
    });
    const started = Date.now();
    await side.ready(200);
    side.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(side.secrets()).toBeUndefined();
  });
});
