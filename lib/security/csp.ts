/**
 * The Content-Security-Policy of every Meshlens response. Scripts run only with this request's nonce
 * (Next reads it from the request's CSP header and puts it on its own scripts; the layout puts it on
 * the theme script), and whatever those scripts load ('strict-dynamic': Next's chunks).
 */
export function buildCsp({ nonce, isDev }: { nonce: string; isDev: boolean }): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'self'"],
    // React's development build evaluates code to rebuild server stacks; production needs no eval.
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(isDev ? ["'unsafe-eval'"] : []),
    ],
    // 'unsafe-inline' for styles, not a nonce: React renders `style` attributes (bars, graph legend,
    // recharts' SVG), which a nonce cannot allow, and CodeMirror adds <style> elements at run time.
    // A browser ignores 'unsafe-inline' once a nonce is listed, so the two cannot be combined.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    // Every live datum comes from our own /api; 'self' also covers the dev server's HMR websocket.
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  // No upgrade-insecure-requests: Meshlens is usually reached over plain HTTP (a port-forward).
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** A fresh nonce: 128 random bits, base64 as CSP's nonce-source grammar allows. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The headers besides the CSP that every response carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
