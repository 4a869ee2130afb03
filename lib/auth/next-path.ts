/** Where the sign-in page returns to: a path on this site, never another origin. */

const BASE = 'http://meshlens.invalid';
const MAX_CHARS = 2048;

/**
 * `next` if it is a same-origin relative path (`/istio?ns=bookinfo`), else '/'. Refused: absolute
 * URLs, protocol-relative `//host` and `/\host` (which browsers read as `//host`), control
 * characters, and the sign-in page itself (which would loop).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > MAX_CHARS) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\p{Cc}\\]/u.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  if (url.pathname === '/sign-in' || url.pathname.startsWith('/sign-in/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's URL for a request to `pathAndQuery`. */
export function signInUrl(pathAndQuery: string): string {
  const next = safeNextPath(pathAndQuery);
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
