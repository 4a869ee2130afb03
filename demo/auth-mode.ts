import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AUTH_ENV_SHAPE, toAuthConfig, type HeaderAuthConfig } from '../lib/auth/auth-config';
import type { DemoUser } from './kube/rbac-seed';

/** `npm run demo -- --auth <mode>`: how Meshlens learns who is using it (its AUTH_STRATEGY). */
export type AuthMode = 'anonymous' | 'token' | 'header';

export function parseAuthMode(value: string): AuthMode {
  if (value === 'anonymous' || value === 'token' || value === 'header') return value;
  throw new Error(`--auth must be "anonymous", "token" or "header", got "${value}"`);
}

/**
 * The variables Meshlens gets for the mode. Anonymous adds none, so the default demo runs exactly as
 * before; header mode needs the shared secret the trusted proxy presents, new on every start.
 */
export function authAppEnv(mode: AuthMode): Record<string, string> {
  if (mode === 'anonymous') return {};
  if (mode === 'token') return { AUTH_STRATEGY: 'token' };
  return { AUTH_STRATEGY: 'header', AUTH_PROXY_SECRET: randomBytes(32).toString('base64url') };
}

/** users.json beside the logs: readable by the demo's owner only, since it holds bearer tokens. */
export function writeUsersFile(dir: string, users: readonly DemoUser[]): string {
  const file = path.join(dir, 'users.json');
  fs.writeFileSync(file, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}

/**
 * The headers Meshlens reads in header mode, parsed from `env` by Meshlens' own configuration schema,
 * so that the printout names its defaults (and any AUTH_HEADER_* the person set) without a copy.
 */
export function proxyHeaders(env: Readonly<Record<string, string | undefined>>): HeaderAuthConfig {
  const config = toAuthConfig(z.object(AUTH_ENV_SHAPE).parse(env));
  if (config.strategy !== 'header') throw new Error('proxyHeaders needs AUTH_STRATEGY=header');
  return config.header;
}

/**
 * The lines the demo prints about its users, for the mode it runs in. `env` is what Meshlens runs
 * with (the demo's own environment and the mode's variables).
 */
export function authBanner(
  mode: AuthMode,
  users: readonly DemoUser[],
  env: Readonly<Record<string, string | undefined>>,
  usersFile: string,
  appUrl: string,
): string[] {
  if (mode === 'anonymous') return [];
  const lines = ['', `Sign-in (AUTH_STRATEGY=${mode}); the users, also in ${usersFile}:`];
  for (const u of users) {
    lines.push(`  ${u.name.padEnd(16)} ${u.description}`);
    if (mode === 'token') lines.push(`  ${''.padEnd(16)} token: ${u.token}`);
  }
  if (mode === 'header') {
    const h = proxyHeaders(env);
    const example = users[0]?.name ?? 'viewer';
    lines.push(
      '',
      'Meshlens trusts a proxy that names the user in request headers and proves itself with',
      `AUTH_PROXY_SECRET=${h.proxySecret}`,
      'The proxy sends, on every request (Meshlens then impersonates the user and groups):',
      `  ${h.userHeader}: <one of the names above>   (AUTH_HEADER_USER)`,
      `  ${h.groupsHeader}: <groups, comma-separated; may be left out>   (AUTH_HEADER_GROUPS)`,
      `  ${h.proxySecretHeader}: ${h.proxySecret}   (AUTH_PROXY_SECRET_HEADER, with AUTH_PROXY_SECRET)`,
      'For example:',
      `  curl -H '${h.userHeader}: ${example}' -H '${h.groupsHeader}: system:authenticated' -H '${h.proxySecretHeader}: ${h.proxySecret}' ${appUrl}/api/session`,
    );
  }
  return lines;
}
