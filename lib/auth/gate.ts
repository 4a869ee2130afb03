import 'server-only';
import { getConfig } from '@/lib/config';
import { isProblemError, UnauthenticatedError, type ProblemError } from '@/lib/errors';
import { requestIdentity, SIGN_IN_HINT } from './request-identity';
import { cookieIsSecure, openSession, readSessionCookie, sessionSetCookie } from './session';

/** Open without a signed-in user: the probes, signing in itself, and the files every page needs. */
const PUBLIC_PATHS = new Set([
  '/api/health',
  '/api/session',
  '/sign-in',
  '/icon.svg',
  '/favicon.ico',
  '/robots.txt',
]);
const PUBLIC_PREFIXES = ['/_next/static/', '/_next/image'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
}

export type GateVerdict =
  | { readonly ok: true; readonly setCookie?: string }
  | { readonly ok: false; readonly error: ProblemError };

/**
 * Whether proxy.ts lets the request through: anonymous always; token with a valid session (and the
 * re-sealed cookie when lastSeen moved); header with the proxy's secret and a user. Route handlers
 * check again with requestIdentity.
 */
export async function gate(req: Request, pathname: string): Promise<GateVerdict> {
  const config = getConfig();
  if (config.auth.strategy === 'anonymous' || isPublicPath(pathname)) return { ok: true };
  if (config.auth.strategy === 'header') {
    try {
      await requestIdentity(req);
      return { ok: true };
    } catch (err) {
      if (isProblemError(err)) return { ok: false, error: err };
      throw err;
    }
  }
  const session = await openSession(
    readSessionCookie(req.headers.get('cookie')),
    config.auth.session,
  );
  if (!session)
    return {
      ok: false,
      error: new UnauthenticatedError(`No session, or it has ended. ${SIGN_IN_HINT}`),
    };
  if (!session.resealed) return { ok: true };
  return {
    ok: true,
    setCookie: sessionSetCookie(session.resealed, session.expiresAt, cookieIsSecure(req, config)),
  };
}
