import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClientOn, sendJson, serveFakeKubeApi, type FakeKubeServer } from './fake-kube-api';
import { readMeshSettings } from './mesh-config';

let server: FakeKubeServer;
const asked: string[] = [];

beforeAll(async () => {
  server = await serveFakeKubeApi((req, res) => {
    asked.push(req.url ?? '');
    if (req.url === '/api/v1/namespaces/mesh-a/configmaps/istio')
      return sendJson(res, 200, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'istio', namespace: 'mesh-a' },
        data: { mesh: 'enableAutoMtls: false\nrootNamespace: mesh-a\n' },
      });
    sendJson(res, 403, {
      apiVersion: 'v1',
      kind: 'Status',
      status: 'Failure',
      message: `configmaps "istio" is forbidden: User "system:serviceaccount:meshlens:meshlens" cannot get resource "configmaps" in API group "" in the namespace "mesh-b"`,
      reason: 'Forbidden',
      code: 403,
    });
  });
});

afterAll(async () => {
  await server.close();
});

describe('readMeshSettings', () => {
  it('reads ConfigMap istio by name once for concurrent and repeated calls', async () => {
    const client = fakeClientOn(server.url);
    const [a, b] = await Promise.all([
      readMeshSettings(client, 'mesh-a'),
      readMeshSettings(client, 'mesh-a'),
    ]);
    expect(a).toEqual({
      rootNamespace: 'mesh-a',
      autoMtls: false,
      origin: 'mesh config in ConfigMap mesh-a/istio',
    });
    expect(b).toEqual(a);
    await readMeshSettings(client, 'mesh-a');
    expect(asked.filter((u) => u.includes('mesh-a'))).toHaveLength(1);
  });

  it("falls back to Istio's defaults, saying why, when it may not read the ConfigMap", async () => {
    const settings = await readMeshSettings(fakeClientOn(server.url), 'mesh-b');
    expect(settings).toMatchObject({ rootNamespace: 'istio-system', autoMtls: true });
    expect(settings.origin).toMatch(
      /^Istio's defaults: ConfigMap mesh-b\/istio could not be read: .*forbidden/,
    );
  });
});
