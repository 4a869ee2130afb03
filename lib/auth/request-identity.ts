import 'server-only';
import type { Identity } from './identity';

/**
 * Stand-in until the sign-in branch (auth-core) lands: every request acts as Meshlens itself. The
 * integrator keeps auth-core's version of this file.
 */
export function requestIdentity(_req: Request): Promise<Identity> {
  return Promise.resolve({ kind: 'anonymous' });
}
