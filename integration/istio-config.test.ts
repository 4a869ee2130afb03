import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Stack } from '../scripts/stack/index';
import { eventually, getJson, startTestStack } from './harness';

interface Item {
  kind: string;
  namespace: string;
  name: string;
  resourceVersion: string;
  validations: { code: string; severity: string; message: string; path?: string }[];
}
interface Doc {
  resourceVersion: string;
  yaml: string;
  validations: { code: string; line?: number; path?: string }[];
}

let stack: Stack;
let app: string;

beforeAll(async () => {
  stack = await startTestStack({ app: true });
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  await stack?.stop();
});

async function send(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { 'x-meshlens-csrf': '1' },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${app}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const storedCheckout = (): { metadata: { resourceVersion?: string }; spec: unknown } =>
  stack.kube.store.get('virtualservices', 'shop', 'checkout') as unknown as {
    metadata: { resourceVersion?: string };
    spec: unknown;
  };

describe('/api/istio on the demo stack', () => {
  it('lists the demo objects and flags the VirtualService routing to an undefined subset', async () => {
    const items = await eventually(
      async () => {
        const { status, body } = await getJson(`${app}/api/istio?namespaces=shop,bookinfo`);
        return status === 200 && Array.isArray(body) && body.length > 0
          ? (body as Item[])
          : undefined;
      },
      { what: 'istio config listed' },
    );
    const kinds = new Set(items.map((i) => i.kind));
    for (const k of [
      'VirtualService',
      'DestinationRule',
      'Gateway',
      'ServiceEntry',
      'PeerAuthentication',
    ])
      expect(kinds).toContain(k);
    const checkout = items.find((i) => i.kind === 'VirtualService' && i.name === 'checkout');
    expect(checkout?.validations).toContainEqual({
      code: 'IST0101',
      severity: 'error',
      message:
        "Subset 'v2' of checkout.shop is not defined by any DestinationRule. Define it in DestinationRule 'checkout' or route to one of: v1.",
      path: 'spec.http[0].route[1].destination.subset',
    });
    expect(
      items.find((i) => i.kind === 'VirtualService' && i.name === 'reviews')?.validations,
    ).toEqual([]);
    const onlyVs = (await getJson(`${app}/api/istio?namespaces=shop&kind=VirtualService`))
      .body as Item[];
    expect(onlyVs.every((i) => i.kind === 'VirtualService' && i.namespace === 'shop')).toBe(true);
  });

  it('serves one object as YAML with its errors at their line', async () => {
    const { status, body } = await getJson(`${app}/api/istio/shop/virtualservices/checkout`);
    expect(status).toBe(200);
    const doc = body as Doc;
    const lines = doc.yaml.split('\n');
    const error = doc.validations.find((v) => v.code === 'IST0101');
    expect(lines[(error?.line ?? 0) - 1]).toContain('subset: v2');
  });

  it('refuses an invalid edit with 422 and the line, and leaves the stored object unchanged', async () => {
    const before = storedCheckout();
    const doc = (await getJson(`${app}/api/istio/shop/virtualservices/checkout`)).body as Doc;
    const edited = parse(doc.yaml) as { spec: { http: { route: { weight: unknown }[] }[] } };
    const route = edited.spec.http[0]?.route[0];
    if (route) route.weight = 'x';
    const res = await send('PUT', '/api/istio/shop/virtualservices/checkout', {
      yaml: stringify(edited),
      resourceVersion: doc.resourceVersion,
    });
    expect(res.status).toBe(422);
    expect(res.body.validations).toContainEqual(
      expect.objectContaining({
        code: 'IST0106',
        path: 'spec.http[0].route[0].weight',
        line: expect.any(Number),
      }),
    );
    expect(storedCheckout()).toEqual(before);
  });

  it('applies a valid edit, then refuses a stale one with 409 and the current object', async () => {
    const doc = (await getJson(`${app}/api/istio/shop/virtualservices/checkout`)).body as Doc;
    const fixed = doc.yaml.replace('subset: v2', 'subset: v1');
    const dry = await send('PUT', '/api/istio/shop/virtualservices/checkout?dryRun=true', {
      yaml: fixed,
      resourceVersion: doc.resourceVersion,
    });
    expect(dry).toMatchObject({ status: 200, body: { dryRun: true } });
    expect(storedCheckout().metadata.resourceVersion).toBe(doc.resourceVersion);
    const ok = await send('PUT', '/api/istio/shop/virtualservices/checkout', {
      yaml: fixed,
      resourceVersion: doc.resourceVersion,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.resourceVersion).not.toBe(doc.resourceVersion);
    // The old text still routes to the undefined subset v2: only with applyAnyway does it reach the write.
    const stale = await send('PUT', '/api/istio/shop/virtualservices/checkout', {
      yaml: doc.yaml,
      resourceVersion: doc.resourceVersion,
      applyAnyway: true,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({
      resourceVersion: ok.body.resourceVersion,
      yaml: expect.stringContaining('subset: v1'),
    });
    expect(JSON.stringify(storedCheckout().spec)).not.toContain('v2');
  });

  it('creates and deletes an object, the delete guarded by its resourceVersion', async () => {
    const yaml = stringify({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'cart' },
      spec: { host: 'cart', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
    });
    const created = await send('POST', '/api/istio/shop', { yaml });
    expect(created.status).toBe(201);
    expect(stack.kube.store.get('destinationrules', 'shop', 'cart')).toBeDefined();
    const rv = String(created.body.resourceVersion);
    const again = await send('POST', '/api/istio/shop', { yaml });
    expect(again.status).toBe(409);
    const staleDelete = await send(
      'DELETE',
      `/api/istio/shop/destinationrules/cart?resourceVersion=1`,
    );
    expect(staleDelete.status).toBe(409);
    const deleted = await send(
      'DELETE',
      `/api/istio/shop/destinationrules/cart?resourceVersion=${rv}`,
    );
    expect(deleted.status).toBe(200);
    expect(stack.kube.store.get('destinationrules', 'shop', 'cart')).toBeUndefined();
  });

  it('refuses writes without the CSRF header or from another origin, with 403', async () => {
    const doc = (await getJson(`${app}/api/istio/shop/virtualservices/checkout`)).body as Doc;
    const body = { yaml: doc.yaml, resourceVersion: doc.resourceVersion };
    const noHeader = await send('PUT', '/api/istio/shop/virtualservices/checkout', body, {});
    expect(noHeader.status).toBe(403);
    const crossSite = await send('PUT', '/api/istio/shop/virtualservices/checkout', body, {
      'x-meshlens-csrf': '1',
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect(storedCheckout().metadata.resourceVersion).toBe(doc.resourceVersion);
  });

  it('validates a text without writing, with lines', async () => {
    const res = await send('POST', '/api/istio/validate', {
      yaml: 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\nspec:\n  hosts: [x]\n  http:\n  - route:\n    - destination:\n        host: nowhere\n',
      namespace: 'shop',
    });
    expect(res.status).toBe(200);
    expect(res.body.validations).toContainEqual(
      expect.objectContaining({ code: 'IST0101', line: 10 }),
    );
  });
});
