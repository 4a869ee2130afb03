import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, serveFakeKubeApi, type FakeKubeServer } from '@/lib/kube/fake-kube-api';
import { buildScenario } from '../scenarios/index.js';
import { createKubeApi, type KubeApi } from './api-server';
import { resourceForObject } from './resources';
import { CrdSchemas, defaultCrdPath } from './schema-validation';
import { humanDuration } from './table';

const scenario = buildScenario('demo', 7).objects;
const NOW = new Date('2026-01-10T09:00:00Z');
let api: KubeApi;
let server: FakeKubeServer;
let base: string;

beforeAll(async () => {
  api = createKubeApi(scenario, { now: () => NOW });
  server = await serveFakeKubeApi((req, res) => {
    if (!api.handle(req, res)) sendJson(res, 404, {});
  });
  base = server.url;
});

afterAll(async () => {
  api.close();
  await server.close();
});

async function call(
  method: string,
  path: string,
  options: { body?: unknown; accept?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(options.accept ? { Accept: options.accept } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const NEW_KINDS = [
  ['security.istio.io/v1', 'requestauthentications', 'RequestAuthentication'],
  ['networking.istio.io/v1', 'sidecars', 'Sidecar'],
  ['networking.istio.io/v1', 'workloadentries', 'WorkloadEntry'],
  ['networking.istio.io/v1', 'workloadgroups', 'WorkloadGroup'],
  ['networking.istio.io/v1alpha3', 'envoyfilters', 'EnvoyFilter'],
  ['networking.istio.io/v1beta1', 'proxyconfigs', 'ProxyConfig'],
  ['telemetry.istio.io/v1', 'telemetries', 'Telemetry'],
  ['extensions.istio.io/v1alpha1', 'wasmplugins', 'WasmPlugin'],
  ['gateway.networking.k8s.io/v1alpha2', 'tcproutes', 'TCPRoute'],
] as const;

describe('the Istio kinds beyond routing and security, and TCPRoute', () => {
  it.each(NEW_KINDS)('discovers %s %s', async (groupVersion, plural, kind) => {
    const group = groupVersion.slice(0, groupVersion.indexOf('/'));
    const groups = await call('GET', '/apis');
    expect(JSON.stringify(groups.body)).toContain(`"groupVersion":"${groupVersion}"`);
    expect((await call('GET', `/apis/${group}`)).status).toBe(200);
    const list = await call('GET', `/apis/${groupVersion}`);
    expect(list.body.resources).toContainEqual(
      expect.objectContaining({ name: plural, kind, namespaced: true }),
    );
  });

  it('validates a RequestAuthentication against its CRD schema: 422 on a wrong type, 201 when right', async () => {
    const path = '/apis/security.istio.io/v1/namespaces/bookinfo/requestauthentications';
    const bad = await call('POST', path, {
      body: {
        apiVersion: 'security.istio.io/v1',
        kind: 'RequestAuthentication',
        metadata: { name: 'bad' },
        spec: { jwtRules: [{ issuer: 42 }] },
      },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('spec.jwtRules[0].issuer');
    const dry = await call('POST', `${path}?dryRun=All`, {
      body: {
        apiVersion: 'security.istio.io/v1',
        kind: 'RequestAuthentication',
        metadata: { name: 'ok' },
        spec: { jwtRules: [{ issuer: 'https://issuer.example' }] },
      },
    });
    expect(dry.status).toBe(201);
    expect((await call('GET', `${path}/ok`)).status).toBe(404);
  });

  it('answers a stale update of a Sidecar with 409', async () => {
    const path = '/apis/networking.istio.io/v1/namespaces/shop/sidecars/default';
    const current = (await call('GET', path)).body;
    const stale = {
      ...current,
      metadata: { ...(current.metadata as object), resourceVersion: '1' },
    };
    expect((await call('PUT', path, { body: stale })).status).toBe(409);
  });

  it('lists TCPRoutes by metadata only when asked for PartialObjectMetadataList', async () => {
    const res = await call('GET', '/apis/gateway.networking.k8s.io/v1alpha2/tcproutes', {
      accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json',
    });
    expect(res.body).toMatchObject({
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      items: [
        {
          kind: 'PartialObjectMetadata',
          metadata: { name: 'hotels-db', namespace: 'travel' },
        },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain('backendRefs');
  });

  it('accepts a TCPRoute with any spec but refuses one without a spec', async () => {
    const path = '/apis/gateway.networking.k8s.io/v1alpha2/namespaces/travel/tcproutes';
    const seeded = await call('GET', `${path}/hotels-db`);
    expect(seeded.body.spec).toMatchObject({ rules: [{ backendRefs: [{ port: 5432 }] }] });
    const bare = await call('POST', path, {
      body: {
        apiVersion: 'gateway.networking.k8s.io/v1alpha2',
        kind: 'TCPRoute',
        metadata: { name: 'x' },
      },
    });
    expect(bare.status).toBe(422);
  });

  it("seeds only objects their CRD schemas accept (the demo's own config is valid)", () => {
    const schemas = new CrdSchemas(defaultCrdPath());
    for (const obj of scenario) {
      const def = resourceForObject(obj.apiVersion, obj.kind);
      if (!def?.customResource) continue;
      const version = obj.apiVersion.split('/')[1] ?? '';
      const result = schemas.validate(def, version, obj);
      expect([obj.kind, obj.metadata.name, result.errors]).toEqual([
        obj.kind,
        obj.metadata.name,
        [],
      ]);
    }
  });
});

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

describe('secrets as server-side Tables', () => {
  it('prints Name, Type, Data and Age and no data with includeObject=None', async () => {
    const res = await call('GET', '/api/v1/secrets?includeObject=None', { accept: TABLE });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect((res.body.columnDefinitions as { name: string }[]).map((c) => c.name)).toEqual([
      'Name',
      'Type',
      'Data',
      'Age',
    ]);
    const rows = res.body.rows as { cells: unknown[]; object: unknown }[];
    expect(rows).toContainEqual({
      cells: ['travel-credential', 'kubernetes.io/tls', 2, expect.any(String) as unknown],
      object: null,
    });
    expect(JSON.stringify(res.body)).not.toContain('placeholder');
  });

  it('puts PartialObjectMetadata in the rows with includeObject=Metadata (the default)', async () => {
    const res = await call('GET', '/api/v1/namespaces/shop/secrets', { accept: TABLE });
    const rows = res.body.rows as { cells: unknown[]; object: Record<string, unknown> }[];
    expect(rows.map((r) => r.cells[0])).toEqual(['postgres-credentials', 'stripe-api-key']);
    expect(rows[0]?.object).toMatchObject({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { name: 'postgres-credentials', namespace: 'shop' },
    });
    expect(rows[0]?.object).not.toHaveProperty('data');
  });

  it('still serves a plain SecretList to clients that do not ask for a Table', async () => {
    const res = await call('GET', '/api/v1/namespaces/shop/secrets');
    expect(res.body.kind).toBe('SecretList');
    expect((res.body.items as { type: string }[]).map((s) => s.type)).toEqual(['Opaque', 'Opaque']);
  });

  it('defaults a created secret to Opaque and folds stringData into data', async () => {
    const res = await call('POST', '/api/v1/namespaces/shop/secrets?dryRun=All', {
      body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { a: 'b' } },
    });
    expect(res.body).toMatchObject({ type: 'Opaque', data: { a: 'Yg==' } });
    expect(res.body).not.toHaveProperty('stringData');
  });

  it('rejects an unknown includeObject value', async () => {
    const res = await call('GET', '/api/v1/secrets?includeObject=All', { accept: TABLE });
    expect(res.status).toBe(400);
  });

  it('prints ages as kubectl does', () => {
    expect(humanDuration(45_000)).toBe('45s');
    expect(humanDuration(5 * 60_000 + 3_000)).toBe('5m3s');
    expect(humanDuration(90 * 60_000)).toBe('90m');
    expect(humanDuration(5 * 3_600_000 + 120_000)).toBe('5h2m');
    expect(humanDuration(30 * 3_600_000)).toBe('30h');
    expect(humanDuration(3 * 86_400_000 + 3_600_000)).toBe('3d1h');
    expect(humanDuration(40 * 86_400_000)).toBe('40d');
  });
});

describe('the injector ConfigMap and the pods it injected', () => {
  it('names the image every sidecar runs', () => {
    const cm = scenario.find((o) => o.metadata.name === 'istio-sidecar-injector');
    const values = JSON.parse((cm?.data as { values: string }).values) as {
      global: { hub: string; tag: string; proxy: { image: string } };
    };
    const image = `${values.global.hub}/${values.global.proxy.image}:${values.global.tag}`;
    const proxies = scenario
      .filter((o) => o.kind === 'Pod')
      .flatMap((p) => {
        const spec = p.spec as { initContainers?: { name: string; image: string }[] };
        return (spec.initContainers ?? []).filter((c) => c.name === 'istio-proxy');
      });
    expect(proxies.length).toBeGreaterThan(10);
    expect(new Set(proxies.map((c) => c.image))).toEqual(new Set([image]));
  });
});
