/**
 * Who a request acts for. Every Kubernetes call made for a person goes through the client built for
 * their identity (lib/auth/user-kube-client.ts), so the API server's RBAC decides what they see and change.
 */
export type Identity =
  /** AUTH_STRATEGY=anonymous: Meshlens' own credentials act; the user is 'anonymous'. */
  | { readonly kind: 'anonymous' }
  /** AUTH_STRATEGY=token: the user's own bearer token, verified at sign-in, kept in the sealed session. */
  | {
      readonly kind: 'token';
      readonly user: string;
      readonly groups: readonly string[];
      readonly token: string;
      readonly expiresAt: number;
    }
  /** AUTH_STRATEGY=header: named by a trusted auth proxy; calls use Meshlens' credentials with Impersonate-*. */
  | { readonly kind: 'impersonated'; readonly user: string; readonly groups: readonly string[] };

export function userName(identity: Identity): string {
  return identity.kind === 'anonymous' ? 'anonymous' : identity.user;
}

/** Cache key for per-user answers (access reviews); never contains the token itself. */
export function identityKey(identity: Identity): string {
  return identity.kind === 'anonymous'
    ? 'anonymous'
    : `${identity.kind}:${identity.user}:${[...identity.groups].sort().join(',')}`;
}
