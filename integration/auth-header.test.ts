import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../scripts/stack/index';
import { call } from './auth-client';
import { eventually, startTestStack } from './harness';
import { auditLines, storedVersion } from './write-client';

const SECRET = 'the-auth-proxy-shares-this-secret-0123456789';
let stack: Stack;
let app: string;

beforeAll(async () => {
  stack = await startTestStack({
    app: true,
    appEnv: { AUTH_STRATEGY: 'header', AUTH_PROXY_SECRET: SECRET },
  });
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  await stack?.stop();
});

const proxied = (user: string, groups = 'system:authenticated'): Record<string, string> => ({
  'x-meshlens-proxy-secret': SECRET,
  'x-forwarded-user': user,
  'x-forwarded-groups': groups,
});

describe('behind an authenticating proxy', () => {
  it('refuses a request without the proxy secret, whatever user it names', async () => {
    const headers = { 'x-forwarded-user': 'admin', 'x-meshlens-proxy-secret': 'guess' };
    expect((await call(app, 'GET', '/api/session', { headers })).status).toBe(401);
    expect((await call(app, 'GET', '/api/graph?namespaces=bookinfo', { headers })).status).toBe(
      401,
    );
  });

  it('names the proxy user and impersonates them on writes, which the audit line records', async () => {
    const session = await call(app, 'GET', '/api/session', { headers: proxied('bookinfo-editor') });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: 'bookinfo-editor', strategy: 'header' });

    const want = storedVersion(stack, 'virtualservices', 'bookinfo', 'reviews') ?? '';
    await eventually(
      async () => {
        const r = await call(app, 'GET', '/api/traffic/bookinfo/reviews?window=1m', {
          headers: proxied('bookinfo-editor'),
        });
        const vs = r.body.virtualService as { resourceVersion?: string } | null | undefined;
        return vs?.resourceVersion === want ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'Meshlens sees bookinfo/reviews' },
    );
    const denied = await call(app, 'PUT', '/api/traffic/bookinfo/reviews', {
      headers: proxied('viewer'),
      body: { weights: { v1: 50, v2: 40, v3: 10 }, resourceVersion: want },
    });
    expect(denied.status).toBe(403);
    expect(storedVersion(stack, 'virtualservices', 'bookinfo', 'reviews')).toBe(want);

    const ok = await call(app, 'PUT', '/api/traffic/bookinfo/reviews', {
      headers: proxied('bookinfo-editor'),
      body: { weights: { v1: 50, v2: 40, v3: 10 }, resourceVersion: want },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(
      stack.kube.requests.some((r) => r.user === 'bookinfo-editor' && r.verb === 'patch'),
    ).toBe(true);
    const line = await eventually(
      async () => auditLines(stack).find((l) => l.action === 'update-weights' && l.result === 'ok'),
      { timeoutMs: 10_000, intervalMs: 200, what: 'the audit line' },
    );
    expect(line.who).toBe('bookinfo-editor');
  });
});
