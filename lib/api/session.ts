import type { NamespaceAccess } from '@/lib/mesh/access/write-permission';

export type { NamespaceAccess, VerbAccess } from '@/lib/mesh/access/write-permission';

/** GET/POST/DELETE /api/session. Declared only here; lib/auth builds it, the shell and the pages read it. */

export type AuthStrategy = 'anonymous' | 'token' | 'header';

export interface SessionResponse {
  /** The authenticated user name; 'anonymous' means Meshlens' own service account acts. */
  readonly user: string;
  readonly groups: readonly string[];
  readonly strategy: AuthStrategy;
  /** The namespaces this user may see, sorted; everything else is absent or a restricted node. */
  readonly namespaces: readonly string[];
  /** Per visible namespace. Empty when writes are off for everyone (READ_ONLY). */
  readonly can: Readonly<Record<string, NamespaceAccess>>;
  /** Why nobody may write, when READ_ONLY is set. */
  readonly readOnlyReason?: string;
  /** When the session ends at the latest (ISO 8601); absent for anonymous and header. */
  readonly expiresAt?: string;
}

/** POST /api/session: sign in with a Kubernetes bearer token (204 + cookie, 401 problem when refused). */
export interface SignInBody {
  readonly token: string;
}
