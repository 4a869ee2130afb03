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

it('prints tokens in token mode and the proxy secret in header mode', () => {
  expect(authBanner('anonymous', users, {}, '')).toEqual([]);
  expect(authBanner('token', users, {}, '/x/users.json').join('\n')).toContain('token: tok-1');
  const header = authBanner('header', users, { AUTH_PROXY_SECRET: 's3cret' }, '/x').join('\n');
  expect(header).toContain('AUTH_PROXY_SECRET=s3cret');
  expect(header).not.toContain('tok-1');
});
