import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../scripts/stack/app';
import type { Child } from '../scripts/stack/child';
import { freePort } from '../scripts/stack/free-port';
import type { Stack } from '../scripts/stack/index';
import { rawRequest as send, type RawReply } from '../scripts/stack/raw-request';
import { startTestStack } from './harness';
import { storedVersion as storedVersionOf } from './write-client';

let stack: Stack;
let app: string;
let proxied: { url: string; child: Child } | undefined;
const TRAFFIC = '/api/traffic/bookinfo/reviews';

beforeAll(async () => {
  stack = await startTestStack({ app: true });
  app = stack.appUrl ?? '';
  // Meshlens behind an ingress that terminates TLS for meshlens.corp.example and says so.
  proxied = await startApp({
    port: await freePort(),
    env: { ...stack.appEnv, TRUST_PROXY: 'true', PUBLIC_URL: 'https://meshlens.corp.example' },
    logFile: path.join(stack.dir, 'meshlens-proxied.log'),
  });
});

afterAll(async () => {
  await proxied?.child.stop();
  await stack?.stop();
});

function storedVersion(): string | undefined {
  return storedVersionOf(stack, 'virtualservices', 'bookinfo', 'reviews');
}

/** A well-formed weights write, so that only the check under test can refuse it. */
function weightsWrite(headers: Record<string, string>): {
  method: string;
  headers: Record<string, string>;
  body: string;
} {
  return {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-meshlens-csrf': '1', ...headers },
    body: JSON.stringify({ weights: { v1: 40, v2: 30, v3: 30 }, resourceVersion: storedVersion() }),
  };
}

function expectSecurityHeaders(reply: RawReply): void {
  const csp = String(reply.headers['content-security-policy']);
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(reply.headers['x-frame-options']).toBe('DENY');
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.headers['referrer-policy']).toBe('no-referrer');
}

describe('who may talk to Meshlens', () => {
  it('refuses a foreign Host for API reads and pages, naming the variable to set', async () => {
    const graph = await send(app, '/api/graph?namespaces=bookinfo', {
      headers: { host: 'evil.example' },
    });
    expect(graph.status).toBe(403);
    expect(graph.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(graph.body)).toMatchObject({
      status: 403,
      detail: expect.stringMatching(/'evil\.example'.*ALLOWED_HOSTS/),
    });
    expect(graph.body).not.toContain('productpage');

    const port = new URL(app).port;
    const page = await send(app, '/graph', { headers: { host: `rebind.evil.example:${port}` } });
    expect(page.status).toBe(403);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('ALLOWED_HOSTS');
    expectSecurityHeaders(page);

    const allowed = await send(app, '/api/namespaces', { headers: { host: `LocalHost.:${port}` } });
    expect(allowed.status).toBe(200);
  });

  it('refuses a write to a foreign Host, or from a foreign Origin, and writes nothing', async () => {
    const before = storedVersion();
    const port = new URL(app).port;
    const attempts: Record<string, string>[] = [
      { host: `evil.example:${port}` },
      { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
      { origin: 'http://evil.example' },
      { origin: `http://evil.example:${port}` },
    ];
    for (const headers of attempts) {
      const reply = await send(app, TRAFFIC, weightsWrite(headers));
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(reply.headers['content-type']).toBe('application/problem+json');
      expectSecurityHeaders(reply);
    }
    expect(storedVersion()).toBe(before);
  });

  it('ignores X-Forwarded-Host unless TRUST_PROXY is set', async () => {
    const port = new URL(app).port;
    const spoofed = await send(app, '/api/namespaces', {
      headers: { host: `evil.example:${port}`, 'x-forwarded-host': `127.0.0.1:${port}` },
    });
    expect(spoofed.status).toBe(403);
    const ignored = await send(app, '/api/namespaces', {
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    });
    expect(ignored.status).toBe(200);

    const base = proxied?.url ?? '';
    const behindProxy = {
      'x-forwarded-host': 'meshlens.corp.example',
      'x-forwarded-proto': 'https',
    };
    expect((await send(base, '/api/namespaces', { headers: behindProxy })).status).toBe(200);
    expect(
      (await send(base, '/api/namespaces', { headers: { 'x-forwarded-host': 'evil.example' } }))
        .status,
    ).toBe(403);
    const write = weightsWrite({ ...behindProxy, origin: 'https://meshlens.corp.example' });
    const dryRun = await send(base, `${TRAFFIC}?dryRun=true`, write);
    expect(dryRun.status, dryRun.body).toBe(200);
  });

  it('puts the security headers on pages, API answers, problems and static files', async () => {
    const page = await send(app, '/');
    expect(page.status).toBe(200);
    expectSecurityHeaders(page);
    const nonce = /'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))?.[1];
    expect(page.body).toContain(`nonce="${nonce}"`);

    const api = await send(app, '/api/namespaces');
    expect(api.status).toBe(200);
    expectSecurityHeaders(api);

    const problem = await send(app, '/api/no-such-thing');
    expect(problem.status).toBe(404);
    expect(problem.headers['content-type']).toBe('application/problem+json');
    expectSecurityHeaders(problem);

    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await send(app, script ?? '');
    expect(asset.status).toBe(200);
    expectSecurityHeaders(asset);
  });

  it('answers 415 to a JSON write without Content-Type: application/json, and writes nothing', async () => {
    const before = storedVersion();
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const write = weightsWrite({});
      const headers: Record<string, string> = { ...write.headers };
      if (contentType) headers['content-type'] = contentType;
      else delete headers['content-type'];
      const reply = await send(app, TRAFFIC, { ...write, headers });
      expect(reply.status, String(contentType)).toBe(415);
      expect(reply.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(reply.body)).toMatchObject({
        type: 'unsupported-media-type',
        detail: expect.stringContaining('application/json'),
      });
    }
    expect(storedVersion()).toBe(before);

    const validate = await send(app, '/api/istio/validate', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ yaml: 'kind: VirtualService' }),
    });
    expect(validate.status).toBe(415);

    const charset = await send(app, `${TRAFFIC}?dryRun=true`, {
      ...weightsWrite({ 'content-type': 'application/json; charset=utf-8' }),
    });
    expect(charset.status, charset.body).toBe(200);
  });
});
