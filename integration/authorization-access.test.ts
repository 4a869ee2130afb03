/** The AuthorizationPolicy preview as the viewer (bookinfo only) sees it: other namespaces stay hidden. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizationPreviewResponse, SecurityResponse } from '@/lib/api/security';
import type { Stack } from '../scripts/stack/index';
import { call, demoToken, postSession } from './auth-client';
import { eventually, startTestStack } from './harness';

let stack: Stack;
let app: string;
let viewer: string;

beforeAll(async () => {
  stack = await startTestStack({
    app: true,
    appEnv: { AUTH_STRATEGY: 'token', SESSION_SECRET: 'an-integration-test-secret-of-40-chars!!' },
  });
  app = stack.appUrl ?? '';
  const reply = await postSession(app, { token: demoToken(stack, 'viewer') });
  expect(reply.status).toBe(204);
  viewer = reply.cookie;
});

afterAll(async () => {
  await stack?.stop();
});

const denyAllIn = (namespace: string): string => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-all
  namespace: ${namespace}
spec:
  action: DENY
  rules:
  - {}
`;

const preview = (namespace: string) =>
  call(app, 'POST', '/api/security/authorization/preview', {
    cookie: viewer,
    body: { yaml: denyAllIn(namespace) },
  });

describe('the preview follows what the person may see', () => {
  it('refuses a policy in a namespace the viewer may not see, the root namespace too', async () => {
    const res = await preview('shop');
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).toContain('You may not see namespace shop');
    expect((await preview('istio-system')).status).toBe(403);
  });

  it('a policy in bookinfo lists its edges, callers from elsewhere shown as restricted', async () => {
    const body = await eventually(
      async () => {
        const res = await preview('bookinfo');
        const b = res.body as unknown as AuthorizationPreviewResponse;
        return res.status === 200 && b.changes.length > 2 ? b : undefined;
      },
      { what: 'a preview with bookinfo edges' },
    );
    expect(new Set(body.changes.map((c) => c.targetNamespace))).toEqual(new Set(['bookinfo']));
    const sources = new Set(body.changes.map((c) => c.sourceNamespace));
    expect([...sources].every((ns) => ns === 'bookinfo' || ns === 'restricted')).toBe(true);
    // The ingress gateway (istio-system) calls productpage: its name is not the viewer's to see.
    expect(body.changes).toContainEqual(
      expect.objectContaining({ source: 'restricted', target: 'productpage-v1', after: 'deny' }),
    );
    expect(JSON.stringify(body)).not.toMatch(/shop|ingressgateway/);
  });

  it('GET /api/security shows the viewer bookinfo alone, callers from elsewhere restricted', async () => {
    const body = await eventually(
      async () => {
        const res = await call(app, 'GET', '/api/security?window=5m', { cookie: viewer });
        const b = res.body as unknown as SecurityResponse;
        return res.status === 200 && b.edges.length > 2 ? b : undefined;
      },
      { what: 'edges in GET /api/security' },
    );
    expect(body.namespaces.map((n) => n.name)).toEqual(['bookinfo']);
    expect(new Set(body.workloads.map((w) => w.namespace))).toEqual(new Set(['bookinfo']));
    expect(body.edges).toContainEqual(
      expect.objectContaining({
        source: 'restricted',
        sourceId: 'restricted',
        target: 'productpage-v1',
      }),
    );
    expect(JSON.stringify(body.edges)).not.toMatch(
      /ingressgateway|spiffe:\/\/cluster.local\/ns\/istio-system/,
    );
    const shop = await call(app, 'GET', '/api/security?namespaces=shop', { cookie: viewer });
    expect(shop.status).toBe(403);
  });
});
