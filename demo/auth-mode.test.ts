import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { authAppEnv, authBanner, parseAuthMode, writeUsersFile } from './auth-mode';

const users = [{ name: 'viewer', token: 'tok-1', description: 'views bookinfo only' }];
let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('accepts the three modes only', () => {
  expect(parseAuthMode('token')).toBe('token');
  expect(() => parseAuthMode('oidc')).toThrow('--auth must be');
});

it('leaves the app environment alone for anonymous and sets the strategy otherwise', () => {
  expect(authAppEnv('anonymous')).toEqual({});
  expect(authAppEnv('token')).toEqual({ AUTH_STRATEGY: 'token' });
  const header = authAppEnv('header');
  expect(header.AUTH_STRATEGY).toBe('header');
  expect(header.AUTH_PROXY_SECRET?.length).toBeGreaterThanOrEqual(32);
  expect(authAppEnv('header').AUTH_PROXY_SECRET).not.toBe(header.AUTH_PROXY_SECRET);
});

it('writes users.json readable by its owner only', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'users-'));
  const file = writeUsersFile(dir, users);
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(users);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
});

const SECRET = 's'.repeat(32);

it('prints tokens in token mode and the proxy secret in header mode', () => {
  expect(authBanner('anonymous', users, {}, '', '')).toEqual([]);
  expect(authBanner('token', users, {}, '/x/users.json', '').join('\n')).toContain('token: tok-1');
  const env = { AUTH_STRATEGY: 'header', AUTH_PROXY_SECRET: SECRET };
  const header = authBanner('header', users, env, '/x', 'http://127.0.0.1:3000').join('\n');
  expect(header).toContain(`AUTH_PROXY_SECRET=${SECRET}`);
  expect(header).not.toContain('tok-1');
});

it('names the proxy headers, their defaults, and sends them in an example curl line', () => {
  const env = { AUTH_STRATEGY: 'header', AUTH_PROXY_SECRET: SECRET };
  const header = authBanner('header', users, env, '/x', 'http://127.0.0.1:3000');
  expect(header).toContain('  x-forwarded-user: <one of the names above>   (AUTH_HEADER_USER)');
  expect(header.join('\n')).toContain('x-forwarded-groups: <groups, comma-separated');
  expect(header.join('\n')).toContain(`x-meshlens-proxy-secret: ${SECRET}`);
  expect(header).toContain(
    `  curl -H 'x-forwarded-user: viewer' -H 'x-forwarded-groups: system:authenticated' -H 'x-meshlens-proxy-secret: ${SECRET}' http://127.0.0.1:3000/api/session`,
  );
});

it('names the headers the person configured instead of the defaults', () => {
  const env = {
    AUTH_STRATEGY: 'header',
    AUTH_PROXY_SECRET: SECRET,
    AUTH_HEADER_USER: 'X-Auth-Request-User',
    AUTH_HEADER_GROUPS: 'X-Auth-Request-Groups',
    AUTH_PROXY_SECRET_HEADER: 'X-Proxy-Proof',
  };
  const curl = authBanner('header', users, env, '/x', 'http://127.0.0.1:3000').at(-1);
  expect(curl).toContain("-H 'x-auth-request-user: viewer'");
  expect(curl).toContain("-H 'x-auth-request-groups: system:authenticated'");
  expect(curl).toContain(`-H 'x-proxy-proof: ${SECRET}'`);
  expect(curl).not.toContain('x-forwarded-user');
});
