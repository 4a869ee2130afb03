import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../scripts/stack/index';
import { eventually, getJson, startTestStack } from './harness';

let stack: Stack;
let app: string;

beforeAll(async () => {
  stack = await startTestStack({ app: true });
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  await stack?.stop();
});

async function validate(
  body: unknown,
): Promise<{ status: number; body: { validations?: { code: string; severity: string }[] } }> {
  const res = await fetch(`${app}/api/istio/validate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-meshlens-csrf': '1' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: (await res.json()) as { validations?: [] } };
}

describe('the analyzers’ plumbing on the demo stack', () => {
  it('checks a Namespace posted to /api/istio/validate, as if stored', async () => {
    const res = await validate({
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n    istio.io/rev: canary\n',
    });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.validations)).toBe(true);
  });

  it('says a kind Meshlens does not read was not checked', async () => {
    const res = await validate({
      yaml: 'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\nmetadata:\n  name: db\nspec:\n  parentRefs: [{ name: gw }]\n',
      namespace: 'shop',
    });
    expect(res.status).toBe(200);
    expect(res.body.validations).toEqual([
      expect.objectContaining({ code: 'MESHLENS-100', severity: 'info' }),
    ]);
  });

  it('lists config items that say whether they are editable', async () => {
    const items = await eventually(async () => {
      const { status, body } = await getJson(`${app}/api/istio`);
      return status === 200 && Array.isArray(body) && body.length > 0
        ? (body as { editable?: unknown; kind: string }[])
        : undefined;
    });
    for (const item of items) expect(typeof item.editable, item.kind).toBe('boolean');
    expect(items.some((i) => i.editable === true)).toBe(true);
  });
});
