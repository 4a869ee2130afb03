import 'server-only';
import { ForbiddenError, toProblemResponse } from '@/lib/errors';

const HOW_TO_ALLOW =
  'If you opened Meshlens at this address on purpose, add the host to ALLOWED_HOSTS (or set PUBLIC_URL) and restart Meshlens.';

function describe(host: string | null): string {
  if (host === null || host === '') return 'This request names no host';
  // The Host header is the sender's to choose; keep the echo short.
  const shown = host.length > 100 ? `${host.slice(0, 100)}…` : host;
  return `Meshlens does not answer to the host '${shown}'`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * The answer to a request whose Host is not allowed: problem+json under /api, a short page elsewhere.
 * Both name the variable to set, because the person who sees it is usually the one who chose the URL.
 */
export function hostRefusal(host: string | null, isApi: boolean): Response {
  const reason = `${describe(host)}. ${HOW_TO_ALLOW}`;
  if (isApi) return toProblemResponse(new ForbiddenError(reason));
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">
<title>Meshlens: host not allowed</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{font-size:.95em}</style>
</head><body>
<h1>Host not allowed</h1>
<p>${escapeHtml(describe(host))}.</p>
<p>If you opened Meshlens at this address on purpose, add the host to <code>ALLOWED_HOSTS</code> (or set <code>PUBLIC_URL</code>) and restart Meshlens.</p>
<p>Meshlens refuses other host names so that web pages you visit cannot reach it under their own name (DNS rebinding).</p>
</body></html>
`;
  return new Response(page, {
    status: 403,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}
