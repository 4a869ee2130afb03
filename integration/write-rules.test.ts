import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Stack } from '../scripts/stack/index';
import { billionLaughs } from '../lib/testing/yaml-bombs';
import { eventually, getJson } from './harness';
import { auditLines, revision, send, storedVersion, appStackForFile } from './write-client';

const running = appStackForFile();
let stack: Stack;
let app: string;

beforeAll(() => {
  stack = running.stack();
  app = running.app();
});

const SLIDER = '/api/traffic/bookinfo/reviews';
const REVIEWS = '/api/istio/bookinfo/virtualservices/reviews';
const CHECKOUT = '/api/istio/shop/virtualservices/checkout';

interface StoredVs {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; resourceVersion: string };
  spec: { http: { route: { destination: { subset?: string }; weight?: number }[] }[] };
}

const stored = (namespace: string, name: string): StoredVs =>
  stack.kube.store.get('virtualservices', namespace, name) as unknown as StoredVs;

/** The stored VirtualService as the editor would send it, with the first route's weights replaced. */
function editedYaml(namespace: string, name: string, weights?: readonly number[]): string {
  const vs = stored(namespace, name);
  const http = vs.spec.http.map((rule, i) =>
    i === 0 && weights
      ? { ...rule, route: rule.route.map((r, j) => ({ ...r, weight: weights[j] })) }
      : rule,
  );
  return stringify({
    apiVersion: vs.apiVersion,
    kind: vs.kind,
    metadata: { name, namespace },
    spec: { ...vs.spec, http },
  });
}

const reviewsVersion = (): string =>
  storedVersion(stack, 'virtualservices', 'bookinfo', 'reviews') ?? '';

/** Waits until Meshlens' cache shows what the simulator stores, so the next read is current. */
async function settledTraffic(): Promise<{
  routes: { destinations: { subset?: string; weight: number; share: number }[] }[];
}> {
  const want = reviewsVersion();
  return eventually(
    async () => {
      const { body } = await getJson(`${app}${SLIDER}`);
      const t = body as {
        virtualService?: { resourceVersion: string };
        routes: { destinations: { subset?: string; weight: number; share: number }[] }[];
      };
      return t.virtualService?.resourceVersion === want ? t : undefined;
    },
    { what: `Meshlens sees reviews at ${want}` },
  );
}

describe('bounded input', () => {
  const twoMegabytes = (): string => JSON.stringify({ yaml: 'x'.repeat(2 * 1024 * 1024) });

  it('answers 413 to a 2 MB body on every write and validate endpoint, writing nothing', async () => {
    await settledTraffic();
    const before = revision(stack);
    const replies = await Promise.all([
      send(app, 'PUT', SLIDER, twoMegabytes()),
      send(app, 'PUT', REVIEWS, twoMegabytes()),
      send(app, 'POST', '/api/istio/bookinfo', twoMegabytes()),
      send(app, 'POST', '/api/istio/validate', twoMegabytes()),
    ]);
    for (const reply of replies) {
      expect(reply.status).toBe(413);
      expect(reply.type).toContain('application/problem+json');
      expect(reply.body).toMatchObject({ type: 'payload-too-large', limitBytes: 1024 * 1024 });
    }
    expect(revision(stack)).toBe(before);
  });

  it('refuses a YAML text past 256 KiB with 413 even inside a small enough body', async () => {
    const before = revision(stack);
    const yaml = `# ${'y'.repeat(300 * 1024)}\n${editedYaml('bookinfo', 'reviews')}`;
    const reply = await send(app, 'PUT', REVIEWS, { yaml, resourceVersion: reviewsVersion() });
    expect(reply).toMatchObject({ status: 413, body: { limitBytes: 256 * 1024 } });
    expect(revision(stack)).toBe(before);
  });

  it('answers an alias bomb with 422 naming it, on validate and on the writes', async () => {
    const before = revision(stack);
    const yaml = billionLaughs();
    const replies = await Promise.all([
      send(app, 'POST', '/api/istio/validate', { yaml, namespace: 'bookinfo' }),
      send(app, 'PUT', REVIEWS, { yaml, resourceVersion: reviewsVersion() }),
      send(app, 'POST', '/api/istio/bookinfo', { yaml }),
    ]);
    const [validate, ...writes] = replies;
    expect(validate?.status).toBe(200);
    expect(validate?.body.validations).toEqual([
      expect.objectContaining({ code: 'MESHLENS-004', severity: 'error' }),
    ]);
    for (const reply of writes) {
      expect(reply.status).toBe(422);
      expect(reply.body.validations).toEqual([
        expect.objectContaining({
          code: 'MESHLENS-004',
          message: expect.stringMatching(/alias/) as unknown,
        }),
      ]);
    }
    expect(revision(stack)).toBe(before);
  });
});

describe('one weight rule for the slider and the editor', () => {
  const slider = (weights: Record<string, number>): ReturnType<typeof send> =>
    send(app, 'PUT', SLIDER, { weights, resourceVersion: reviewsVersion() });
  const editor = (weights: readonly number[]): ReturnType<typeof send> =>
    send(app, 'PUT', REVIEWS, {
      yaml: editedYaml('bookinfo', 'reviews', weights),
      resourceVersion: reviewsVersion(),
    });

  it.each([
    ['a weight of -5', [-5, 55, 50], 'weights.v1', 'spec.http[0].route[0].weight', /weight -5 < 0/],
    [
      'an all-zero split',
      [0, 0, 0],
      'weights',
      'spec.http[0].route',
      /total destination weight = 0/,
    ],
  ])('refuses %s through both, writing nothing', async (_what, weights, field, path, message) => {
    await settledTraffic();
    const before = reviewsVersion();
    const bySlider = await slider({
      v1: weights[0] ?? 0,
      v2: weights[1] ?? 0,
      v3: weights[2] ?? 0,
    });
    expect(bySlider.status).toBe(422);
    expect(bySlider.body.errors).toContainEqual({
      path: field,
      message: expect.stringMatching(message),
    });
    const byEditor = await editor(weights);
    expect(byEditor.status).toBe(422);
    expect(byEditor.body).toMatchObject({ overridable: false });
    expect(byEditor.body.validations).toContainEqual(
      expect.objectContaining({ code: 'IST0106', path, message: expect.stringMatching(message) }),
    );
    const checked = await send(app, 'POST', '/api/istio/validate', {
      yaml: editedYaml('bookinfo', 'reviews', weights),
      namespace: 'bookinfo',
    });
    expect(checked.body.validations).toContainEqual(
      expect.objectContaining({ code: 'IST0106', path }),
    );
    expect(reviewsVersion()).toBe(before);
  });

  it('accepts 50/10/10 through both and shows the shares 71/14/14 %', async () => {
    await settledTraffic();
    const bySlider = await slider({ v1: 50, v2: 10, v3: 10 });
    expect(bySlider.status).toBe(200);
    const traffic = await settledTraffic();
    expect(
      traffic.routes[0]?.destinations.map((d) => [d.weight, Math.round(d.share * 100)]),
    ).toEqual([
      [50, 71],
      [10, 14],
      [10, 14],
    ]);

    await slider({ v1: 80, v2: 10, v3: 10 });
    await settledTraffic();
    const byEditor = await editor([50, 10, 10]);
    expect(byEditor.status).toBe(200);
    expect(byEditor.body.validations).toContainEqual(
      expect.objectContaining({
        code: 'MESHLENS-001',
        severity: 'warning',
        message: expect.stringContaining('v1 71.4%, v2 14.3%, v3 14.3%') as unknown,
      }),
    );
    expect(stored('bookinfo', 'reviews').spec.http[0]?.route.map((r) => r.weight)).toEqual([
      50, 10, 10,
    ]);
  });
});

describe('analyzer errors and apply anyway', () => {
  it('refuses a text with an analyzer error until applyAnyway, and audits the override', async () => {
    const before = storedVersion(stack, 'virtualservices', 'shop', 'checkout');
    // checkout still routes 10% to subset v2, which no DestinationRule defines (IST0101).
    const yaml = editedYaml('shop', 'checkout', [85, 15]);
    const refused = await send(app, 'PUT', CHECKOUT, { yaml, resourceVersion: before });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ overridable: true });
    expect(refused.body.detail).toMatch(/apply anyway/);
    expect(refused.body.validations).toContainEqual(
      expect.objectContaining({ code: 'IST0101', severity: 'error' }),
    );
    expect(storedVersion(stack, 'virtualservices', 'shop', 'checkout')).toBe(before);

    const applied = await send(app, 'PUT', CHECKOUT, {
      yaml,
      resourceVersion: before,
      applyAnyway: true,
    });
    expect(applied.status).toBe(200);
    expect(storedVersion(stack, 'virtualservices', 'shop', 'checkout')).not.toBe(before);
    const line = await eventually(
      async () =>
        auditLines(stack).find(
          (l) => l.action === 'replace' && l.name === 'checkout' && l.result === 'ok',
        ),
      { what: 'the audit line of the override', timeoutMs: 10_000, intervalMs: 200 },
    );
    expect(line).toMatchObject({
      applyAnyway: true,
      overridden: [
        expect.stringMatching(/^IST0101 spec\.http\[0\]\.route\[1\]\.destination\.subset: /),
      ],
    });
  });
});

// Last: after the server stops reading a body mid-stream, the client's next request on that pooled
// connection was seen to fail with ECONNRESET.
describe('a streamed body', () => {
  it('counts a streamed body without Content-Length and stops at the limit', async () => {
    const before = revision(stack);
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const reply = await send(app, 'PUT', SLIDER, body);
    expect(reply.status).toBe(413);
    expect(revision(stack)).toBe(before);
  });
});
