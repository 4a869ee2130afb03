import { NextResponse, type NextRequest } from 'next/server';
import { gate } from '@/lib/auth/gate';
import { signInUrl } from '@/lib/auth/next-path';
import { getConfig } from '@/lib/config';
import { UnsupportedMediaTypeError, toProblemResponse } from '@/lib/errors';
import { hostAllowed, requestHost } from '@/lib/security/allowed-hosts';
import { buildCsp, newNonce, SECURITY_HEADERS } from '@/lib/security/csp';
import { isJsonContentType } from '@/lib/security/json-content-type';
import { hostRefusal } from '@/lib/server/host-refusal';

// Liveness answers whatever the Host: kubelet probes send the pod IP, and `{ok: true}` tells nothing.
const HEALTH_PATH = '/api/health';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** A refusal, or undefined when the request may go on to its page or route handler. */
function refusal(request: NextRequest): Response | undefined {
  const { allowedHosts, trustProxy } = getConfig();
  const { pathname } = request.nextUrl;
  const isApi = pathname === '/api' || pathname.startsWith('/api/');
  if (pathname !== HEALTH_PATH) {
    const host = requestHost(request.headers, trustProxy);
    if (!host || !hostAllowed(host, allowedHosts)) {
      const shown = trustProxy
        ? (request.headers.get('x-forwarded-host') ?? request.headers.get('host'))
        : request.headers.get('host');
      return hostRefusal(shown, isApi);
    }
  }
  if (
    isApi &&
    BODY_METHODS.has(request.method) &&
    !isJsonContentType(request.headers.get('content-type'))
  ) {
    return toProblemResponse(
      new UnsupportedMediaTypeError(
        `${request.method} ${pathname} takes a JSON body: send Content-Type: application/json.`,
      ),
    );
  }
  return undefined;
}

/**
 * Without a signed-in user (AUTH_STRATEGY token or header): an API call is a 401 problem, a page
 * goes to the sign-in page and back. Runs on Node (Next 16's proxy), so the sealed cookie is opened
 * here; the route handlers open it again.
 */
async function signInGate(
  request: NextRequest,
): Promise<{ refusal?: Response; setCookie?: string }> {
  const { pathname, search } = request.nextUrl;
  const verdict = await gate(request, pathname);
  if (verdict.ok) return verdict.setCookie ? { setCookie: verdict.setCookie } : {};
  if (pathname === '/api' || pathname.startsWith('/api/'))
    return { refusal: toProblemResponse(verdict.error) };
  if (getConfig().auth.strategy !== 'token') return { refusal: toProblemResponse(verdict.error) };
  return {
    refusal: NextResponse.redirect(new URL(signInUrl(`${pathname}${search}`), request.url)),
  };
}

/**
 * Runs before every page, route handler and static file (no matcher on purpose): refuses foreign
 * hosts, non-JSON writes and (with sign-in) requests nobody signed in for, and puts the security
 * headers on every answer. Next finds the nonce in the request's Content-Security-Policy and gives
 * it to its own scripts; the layout reads x-nonce.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const nonce = newNonce();
  const csp = buildCsp({ nonce, isDev: process.env.NODE_ENV === 'development' });
  let response = refusal(request);
  let setCookie: string | undefined;
  if (!response) ({ refusal: response, setCookie } = await signInGate(request));
  if (!response) {
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers } });
    if (setCookie) response.headers.append('set-cookie', setCookie);
  }
  response.headers.set('content-security-policy', csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}
