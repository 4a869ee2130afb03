import 'server-only';
import { getConfig } from '@/lib/config';
import { UnauthenticatedError } from '@/lib/errors';
import type { HeaderAuthConfig } from './auth-config';
import type { Identity } from './identity';
import { parseGroupsHeader, parseUserHeader, secretMatches } from './proxy-headers';
import { openSession, readSessionCookie } from './session';

export const SIGN_IN_HINT =
  'Sign in to Meshlens with a Kubernetes token (POST /api/session, or the sign-in page).';

function fromProxyHeaders(req: Request, h: HeaderAuthConfig): Identity {
  if (!secretMatches(req.headers.get(h.proxySecretHeader), h.proxySecret))
    throw new UnauthenticatedError(
      'This request did not come through the authenticating proxy (its shared secret is missing or wrong).',
    );
  const user = parseUserHeader(req.headers.get(h.userHeader));
  if (!user)
    throw new UnauthenticatedError(
      `The authenticating proxy named no usable user in ${h.userHeader} (at most 256 printable characters, no commas).`,
    );
  const groups = parseGroupsHeader(req.headers.get(h.groupsHeader));
  if (!groups)
    throw new UnauthenticatedError(
      `The authenticating proxy sent unusable groups in ${h.groupsHeader} (at most 100, each 256 printable characters).`,
    );
  return { kind: 'impersonated', user, groups };
}

/**
 * Who this request acts for, under AUTH_STRATEGY. Token: the sealed session only; any user header a
 * client sends is ignored. Header: the proxy's headers, believed only with the proxy's secret. Throws
 * UnauthenticatedError (401) when nobody is signed in. proxy.ts checks the same before a page or
 * route runs; handlers ask again so that none depends on the proxy alone.
 */
export async function requestIdentity(req: Request): Promise<Identity> {
  const { auth } = getConfig();
  switch (auth.strategy) {
    case 'anonymous':
      return { kind: 'anonymous' };
    case 'header':
      return fromProxyHeaders(req, auth.header);
    case 'token': {
      const session = await openSession(readSessionCookie(req.headers.get('cookie')), auth.session);
      if (!session) throw new UnauthenticatedError(`No session, or it has ended. ${SIGN_IN_HINT}`);
      const { user, groups, token } = session.data;
      return { kind: 'token', user, groups, token, expiresAt: session.expiresAt };
    }
  }
}
