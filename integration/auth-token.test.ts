import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack, StackOptions } from '../scripts/stack/index';
import { call, demoToken, postSession } from './auth-client';
import { eventually, startTestStack } from './harness';
import { auditLines, storedVersion } from './write-client';

const EXPIRED = 'expired-token-for-the-auth-test-0001';
let stack: Stack;
let app: string;

beforeAll(async () => {
  const opts: StackOptions = {
    app: true,
    appEnv: { AUTH_STRATEGY: 'token', SESSION_SECRET: 'an-integration-test-secret-of-40-chars!!' },
    extraTokens: [{ token: EXPIRED, user: 'gone', groups: [], expiresAt: '2020-01-01T00:00:00Z' }],
  };
  stack = await startTestStack(opts);
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  await stack?.stop();
});

async function signedIn(name: 'admin' | 'bookinfo-editor' | 'viewer'): Promise<string> {
  const reply = await postSession(app, { token: demoToken(stack, name) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(204);
  return reply.cookie;
}

/** The VirtualService's stored version once Meshlens' caches hold it too (the write starts from them). */
async function settledVersion(cookie: string, ns: string, name: string): Promise<string> {
  const want = storedVersion(stack, 'virtualservices', ns, name) ?? '';
  await eventually(
    async () => {
      const r = await call(app, 'GET', `/api/traffic/${ns}/${name}?window=1m`, { cookie });
      const vs = r.body.virtualService as { resourceVersion?: string } | null | undefined;
      return vs?.resourceVersion === want ? true : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 500, what: `Meshlens sees ${ns}/${name} at ${want}` },
  );
  return want;
}

describe('signing in with a Kubernetes token', () => {
  it('answers 204 and an HttpOnly, SameSite=Strict session cookie for a good token', async () => {
    const reply = await postSession(app, { token: demoToken(stack, 'viewer') });
    expect(reply.status).toBe(204);
    expect(reply.setCookie).toMatch(/^meshlens_session=[^;]+;/);
    expect(reply.setCookie).toMatch(/; HttpOnly/);
    expect(reply.setCookie).toMatch(/; SameSite=Strict/);
    expect(reply.setCookie).toMatch(/; Path=\//);
    // Served over plain HTTP here: a Secure cookie would never come back.
    expect(reply.setCookie).not.toMatch(/Secure/);
    expect(reply.setCookie).not.toContain(demoToken(stack, 'viewer'));
    const session = await call(app, 'GET', '/api/session', { cookie: reply.cookie });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: 'viewer', strategy: 'token' });
    expect(typeof session.body.expiresAt).toBe('string');
  });

  it('refuses a bad, an expired and a missing token with 401', async () => {
    for (const token of ['not-a-token-anyone-issued', EXPIRED]) {
      const reply = await postSession(app, { token });
      expect(reply.status, token).toBe(401);
      expect(reply.body).toMatchObject({
        type: 'unauthenticated',
        detail: 'The API server did not accept this token.',
      });
      expect(reply.setCookie).toBe('');
    }
    expect((await postSession(app, {})).status).toBe(401);
    expect((await postSession(app, { token: '' })).status).toBe(401);
  });

  it('needs the CSRF header to sign in, like every write', async () => {
    const res = await fetch(`${app}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: demoToken(stack, 'viewer') }),
      signal: AbortSignal.timeout(20_000),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('without a session', () => {
  it('answers API calls with a 401 problem and sends pages to the sign-in page', async () => {
    const api = await call(app, 'GET', '/api/graph?namespaces=bookinfo');
    expect(api.status).toBe(401);
    expect(api.type).toMatch(/application\/problem\+json/);
    expect(api.body.type).toBe('unauthenticated');
    expect(JSON.stringify(api.body)).not.toContain('reviews');

    const page = await call(app, 'GET', '/istio?namespace=bookinfo');
    expect([302, 307]).toContain(page.status);
    expect(new URL(page.location ?? '', app).pathname).toBe('/sign-in');
    expect(new URL(page.location ?? '', app).searchParams.get('next')).toBe(
      '/istio?namespace=bookinfo',
    );
    expect((await call(app, 'GET', '/sign-in')).status).toBe(200);
    expect((await call(app, 'GET', '/api/health')).status).toBe(200);
  });
});

describe('writes act with the signed-in user', () => {
  it("refuses the viewer's weights with a 403 naming the verb and object, writing nothing", async () => {
    const cookie = await signedIn('viewer');
    const resourceVersion = await settledVersion(cookie, 'bookinfo', 'reviews');
    const reply = await call(app, 'PUT', '/api/traffic/bookinfo/reviews', {
      cookie,
      body: { weights: { v1: 50, v2: 40, v3: 10 }, resourceVersion },
    });
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toMatch(/^You may not update VirtualService reviews in bookinfo/);
    expect(reply.body).toMatchObject({
      verb: 'update',
      kind: 'VirtualService',
      namespace: 'bookinfo',
    });
    expect(storedVersion(stack, 'virtualservices', 'bookinfo', 'reviews')).toBe(resourceVersion);
  });

  it("lets bookinfo-editor change reviews' weights but not shop's checkout, and audits the user, not a forged header", async () => {
    const cookie = await signedIn('bookinfo-editor');
    const forged = { 'x-forwarded-user': 'mallory' };
    const reviews = await settledVersion(cookie, 'bookinfo', 'reviews');
    const ok = await call(app, 'PUT', '/api/traffic/bookinfo/reviews', {
      cookie,
      headers: forged,
      body: { weights: { v1: 50, v2: 40, v3: 10 }, resourceVersion: reviews },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(storedVersion(stack, 'virtualservices', 'bookinfo', 'reviews')).not.toBe(reviews);
    expect(
      stack.kube.requests.some((r) => r.user === 'bookinfo-editor' && r.verb === 'patch'),
    ).toBe(true);

    const checkout = await settledVersion(cookie, 'shop', 'checkout');
    const denied = await call(app, 'PUT', '/api/traffic/shop/checkout', {
      cookie,
      body: { weights: { v1: 80, v2: 20 }, resourceVersion: checkout },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toMatch(/^You may not update VirtualService checkout in shop/);
    expect(storedVersion(stack, 'virtualservices', 'shop', 'checkout')).toBe(checkout);

    const lines = await eventually(
      async () => {
        const found = auditLines(stack).filter((l) => l.action === 'update-weights');
        return found.length >= 2 ? found : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 200, what: 'the audit lines' },
    );
    expect(lines.map((l) => l.who)).not.toContain('mallory');
    expect(
      lines.filter((l) => l.name === 'reviews' && l.result === 'ok').map((l) => l.who),
    ).toContain('bookinfo-editor');
  });
});

describe('signing out', () => {
  it('clears the cookie and the session ends, even for a copy of the cookie', async () => {
    const cookie = await signedIn('viewer');
    expect((await call(app, 'GET', '/api/session', { cookie })).status).toBe(200);
    const out = await call(app, 'DELETE', '/api/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/^meshlens_session=;.*Max-Age=0/);
    expect((await call(app, 'GET', '/api/session', { cookie })).status).toBe(401);
  });
});
