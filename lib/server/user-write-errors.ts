import 'server-only';
import type { Identity } from '@/lib/auth/identity';
import { ForbiddenError, UnauthenticatedError } from '@/lib/errors';
import { KubeUnauthorizedError } from '@/lib/kube/status-error';

export interface WriteTarget {
  /** As a person says it: create, update, delete. */
  readonly verb: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** The API server's RBAC refused the user: says who may not do what, with the server's own words. */
export class WriteDeniedError extends ForbiddenError {
  constructor(
    readonly target: WriteTarget,
    readonly kubeMessage: string,
  ) {
    super(
      `You may not ${target.verb} ${target.kind} ${target.name} in ${target.namespace}. The Kubernetes API said: ${kubeMessage}`,
    );
    this.name = 'WriteDeniedError';
  }

  override extras(): Record<string, unknown> {
    const { verb, kind, namespace, name } = this.target;
    return { verb, kind, namespace, name, kubeMessage: this.kubeMessage };
  }
}

/**
 * A failed write made with the user's client, as the user should read it: a 403 from the API server
 * names the verb and object; a 401 on the user's own token means it was revoked or expired, so the
 * session ends. Anything else passes unchanged (write-guard's own 403s are thrown before any call).
 */
export function asUserWriteError(err: unknown, target: WriteTarget, identity: Identity): unknown {
  if (err instanceof WriteDeniedError) return err;
  if (err instanceof ForbiddenError) return new WriteDeniedError(target, err.message);
  if (err instanceof KubeUnauthorizedError && identity.kind === 'token')
    return new UnauthenticatedError(
      'The Kubernetes API no longer accepts your token (revoked or expired); nothing was written. Sign in again.',
      true,
    );
  return err;
}
