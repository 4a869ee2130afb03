import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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

/** The lines the demo prints about its users, for the mode it runs in. */
export function authBanner(
  mode: AuthMode,
  users: readonly DemoUser[],
  env: Readonly<Record<string, string>>,
  usersFile: string,
): string[] {
  if (mode === 'anonymous') return [];
  const lines = ['', `Sign-in (AUTH_STRATEGY=${mode}); the users, also in ${usersFile}:`];
  for (const u of users) {
    lines.push(`  ${u.name.padEnd(16)} ${u.description}`);
    if (mode === 'token') lines.push(`  ${''.padEnd(16)} token: ${u.token}`);
  }
  if (mode === 'header') {
    lines.push(
      '',
      'Meshlens trusts a proxy that names the user in request headers and proves itself with',
      `AUTH_PROXY_SECRET=${env.AUTH_PROXY_SECRET ?? ''}`,
      'Send the user (one of the names above) and their groups as the sign-in documentation for',
      'AUTH_STRATEGY=header describes, together with that secret; Meshlens then impersonates them.',
    );
  }
  return lines;
}
