import type { UserInfo } from './rbac';

/** One line of kube-apiserver's --token-auth-file, plus an optional expiry (a static token file has none; tests need one). */
export interface StaticToken {
  readonly token: string;
  readonly user: string;
  readonly uid?: string;
  readonly groups?: readonly string[];
  /** After this instant the token is unknown (401); a Date, an RFC 3339 string or epoch milliseconds. */
  readonly expiresAt?: Date | string | number;
}

export const AUTHENTICATED = 'system:authenticated';
export const ANONYMOUS: UserInfo = { name: 'system:anonymous', groups: ['system:unauthenticated'] };

/**
 * The paths an unauthenticated request may reach, as with an AuthenticationConfiguration whose
 * anonymous authenticator is limited by conditions: everything else without credentials is a 401.
 */
const ANONYMOUS_PATHS = new Set(['/version', '/version/', '/healthz', '/livez', '/readyz']);

export type Authentication =
  | { kind: 'user'; user: UserInfo }
  | { kind: 'anonymous'; user: UserInfo }
  | { kind: 'unauthorized' };

function expiry(value: StaticToken['expiresAt']): number | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.getTime() : new Date(value).getTime();
}

export class TokenAuthenticator {
  private readonly tokens = new Map<string, StaticToken>();

  constructor(
    tokens: readonly StaticToken[],
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const t of tokens) this.tokens.set(t.token, t);
  }

  /** The user a bearer token stands for, with system:authenticated added as the union authenticator does. */
  userFor(token: string): UserInfo | undefined {
    const entry = this.tokens.get(token);
    if (!entry) return undefined;
    const expires = expiry(entry.expiresAt);
    if (expires !== undefined && !(expires > this.now().getTime())) return undefined;
    const groups = [...(entry.groups ?? [])];
    if (!groups.includes(AUTHENTICATED)) groups.push(AUTHENTICATED);
    return { name: entry.user, ...(entry.uid ? { uid: entry.uid } : {}), groups };
  }

  /** Reads `Authorization: Bearer <token>` (scheme case-insensitive, as the bearertoken authenticator reads it). */
  authenticate(authorization: string | undefined, path: string): Authentication {
    const parts = (authorization ?? '').trim().split(' ');
    const token = parts[0]?.toLowerCase() === 'bearer' ? (parts[1] ?? '') : '';
    if (token === '') {
      return ANONYMOUS_PATHS.has(path)
        ? { kind: 'anonymous', user: ANONYMOUS }
        : { kind: 'unauthorized' };
    }
    const user = this.userFor(token);
    return user ? { kind: 'user', user } : { kind: 'unauthorized' };
  }
}
