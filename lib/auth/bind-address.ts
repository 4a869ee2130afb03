import path from 'node:path';
import type { AuthConfig } from './auth-config';

/** Next's own default when neither -H nor (for the standalone server) HOSTNAME says: every interface. */
const ALL_INTERFACES = '0.0.0.0';

/**
 * The address the server listens on, as Next decides it: `next start|dev -H <host>` (or
 * `--hostname`), else for the standalone `server.js` the HOSTNAME variable, else every interface.
 * HOSTNAME counts only for server.js: a shell or container sets it to the machine's name, which
 * `next start` ignores.
 */
export function bindHost(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if ((arg === '-H' || arg === '--hostname') && argv[i + 1]) return argv[i + 1] ?? '';
    if (arg.startsWith('--hostname=')) return arg.slice('--hostname='.length);
  }
  const script = argv[1] === undefined ? '' : path.basename(argv[1]);
  if (script === 'server.js') return env.HOSTNAME || ALL_INTERFACES;
  return ALL_INTERFACES;
}

export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Why Meshlens must not start, or undefined. Anonymous with writes on a reachable address means
 * anyone who can reach it changes routing with Meshlens' own service account, and no audit line can
 * say who it was.
 */
export function anonymousWritesRefusal(
  auth: AuthConfig,
  readOnly: boolean,
  host: string,
): string | undefined {
  if (auth.strategy !== 'anonymous' || readOnly || auth.allowAnonymousWrites) return undefined;
  if (isLoopback(host)) return undefined;
  return (
    `AUTH_STRATEGY=anonymous with writes enabled, listening on ${host} (not loopback): anyone who reaches ` +
    "this address could change the mesh's routing as Meshlens' service account, unnamed in the audit log. " +
    'Set AUTH_STRATEGY=token (or header behind an auth proxy), or READ_ONLY=true, or listen on 127.0.0.1 ' +
    '(HOSTNAME=127.0.0.1 for server.js, -H 127.0.0.1 for next start), or, if every client is trusted, ALLOW_ANONYMOUS_WRITES=true.'
  );
}
