import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../scripts/stack/index';
import { call, demoToken, postSession } from './auth-client';
import { startTestStack } from './harness';

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

const get = (path: string): ReturnType<typeof call> => call(app, 'GET', path, { cookie: viewer });

describe('what the viewer (bookinfo only) is shown', () => {
  it('lists only bookinfo in the session and the namespaces', async () => {
    const session = await get('/api/session');
    expect(session.body).toMatchObject({ user: 'viewer', namespaces: ['bookinfo'] });
    const namespaces = await get('/api/namespaces');
    expect(namespaces.status).toBe(200);
    const names = (namespaces.body as unknown as { name: string }[]).map((n) => n.name);
    expect(names).toEqual(['bookinfo']);
  });

  it('keeps shop out of the services, workloads and Istio config lists', async () => {
    for (const path of ['/api/services', '/api/workloads', '/api/istio']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const text = JSON.stringify(res.body);
      expect(text, path).toContain('bookinfo');
      expect(text, path).not.toContain('"shop"');
    }
  });

  it('shows shop in the graph only as the restricted node, with no names or numbers', async () => {
    const graph = await get('/api/graph?namespaces=bookinfo&window=1m');
    expect(graph.status).toBe(200);
    const text = JSON.stringify(graph.body);
    expect(text).not.toMatch(/shop|checkout|cart/);
    const asked = await get('/api/graph?namespaces=bookinfo,shop&window=1m');
    expect(asked.status).toBe(403);
    expect(JSON.stringify(asked.body)).toContain('You may not see namespace shop');
  });

  it('refuses shop by name in every read, traces and metrics included', async () => {
    for (const path of [
      '/api/istio?namespaces=shop',
      '/api/istio/shop/virtualservices/checkout',
      '/api/traffic/shop/checkout?window=1m',
      '/api/traces?namespace=shop&target=checkout',
      '/api/metrics?node=svc:shop:checkout&window=5m',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(403);
      expect(JSON.stringify(res.body), path).not.toMatch(/"points"|"traces"/);
    }
  });
});
