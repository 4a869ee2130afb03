import 'server-only';
import { randomBytes } from 'node:crypto';
import type { SessionResponse } from '@/lib/api/session';
import { getConfig } from '@/lib/config';
import { InvalidError } from '@/lib/errors';
import { sessionAccess } from './access';
import type { Identity } from './identity';
import { userName } from './identity';
import { revokeSession } from './revoked-sessions';
import {
  cookieIsSecure,
  openSession,
  readSessionCookie,
  sealSession,
  SessionTooLargeError,
  sessionSetCookie,
} from './session';
import { verifyToken } from './verify-token';

/**
 * Verifies the token with the API server and answers the Set-Cookie of a new session. Throws
 * UnauthenticatedError when the server refuses the token, InvalidError outside token mode.
 */
export async function signIn(req: Request, token: string, now = Date.now()): Promise<string> {
  const config = getConfig();
  if (config.auth.strategy !== 'token')
    throw new InvalidError(
      `Meshlens signs people in itself only with AUTH_STRATEGY=token; it runs with ${config.auth.strategy}.`,
    );
  const { session } = config.auth;
  const { user, groups } = await verifyToken(token);
  const data = {
    sid: randomBytes(16).toString('base64url'),
    token,
    user,
    groups: [...groups],
    issuedAt: now,
    lastSeen: now,
  };
  let seal: string;
  try {
    seal = await sealSession(data, session);
  } catch (err) {
    if (err instanceof SessionTooLargeError)
      throw new InvalidError(`This token is too long to keep in a browser cookie. ${err.message}`, [
        { path: 'token', message: 'too long for a session cookie' },
      ]);
    throw err;
  }
  return sessionSetCookie(seal, now + session.maxSeconds * 1000, cookieIsSecure(req, config), now);
}

const READ_ONLY_REASON =
  'Meshlens runs in read-only mode (READ_ONLY=true): nobody may change the cluster through it.';

/** GET /api/session: who this is, what they may see and change. */
export async function describeSession(identity: Identity): Promise<SessionResponse> {
  const { auth, readOnly } = getConfig();
  const access = await sessionAccess(identity);
  return {
    user: userName(identity),
    groups: identity.kind === 'anonymous' ? [] : identity.groups,
    strategy: auth.strategy,
    ...access,
    ...(readOnly && { readOnlyReason: READ_ONLY_REASON }),
    ...(identity.kind === 'token' && { expiresAt: new Date(identity.expiresAt).toISOString() }),
  };
}

/** DELETE /api/session: the cookie's session is revoked here, and the route clears the cookie. */
export async function signOut(req: Request): Promise<void> {
  const { auth } = getConfig();
  if (auth.strategy !== 'token') return;
  const session = await openSession(readSessionCookie(req.headers.get('cookie')), auth.session);
  if (session) revokeSession(session.data.sid, session.expiresAt);
}
