import 'server-only';
import { getConfig } from '@/lib/config';
import { ForbiddenError } from '@/lib/errors';

/** The header every write must carry. A cross-site page cannot set it without a CORS preflight, which Meshlens never grants. */
export const CSRF_HEADER = 'x-meshlens-csrf';

/** Proxies may append to X-Forwarded-* ("a, b"); the first entry is the one the client spoke to. */
function firstValue(value: string | null): string | undefined {
  const first = value?.split(',')[0]?.trim();
  return first ? first : undefined;
}

/**
 * The origin the browser used to reach this app. Behind a proxy the Host header names the proxy's
 * upstream, so X-Forwarded-Host / X-Forwarded-Proto win when present.
 */
function ownOrigin(req: Request): string | undefined {
  const host =
    firstValue(req.headers.get('x-forwarded-host')) ?? firstValue(req.headers.get('host'));
  if (!host) return undefined;
  const proto =
    firstValue(req.headers.get('x-forwarded-proto')) ?? new URL(req.url).protocol.replace(/:$/, '');
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return undefined;
  }
}

function sameOrigin(origin: string, own: string | undefined): boolean {
  if (own === undefined) return false;
  try {
    // URL normalises case and default ports, so "HTTP://Host:80" equals "http://host".
    return new URL(origin).origin === own;
  } catch {
    // "null" (sandboxed frames, some redirects) and garbage are never our origin.
    return false;
  }
}

/**
 * Throws ForbiddenError unless this request may change the cluster: the app is not read-only, the
 * request carries `X-Meshlens-CSRF: 1`, and its Origin, when present, is the app's own. Call it
 * before reading the body, so a refused write costs nothing.
 */
export function assertWritable(req: Request): void {
  if (getConfig().readOnly) {
    throw new ForbiddenError(
      'Meshlens runs in read-only mode (READ_ONLY=true); changes to the cluster are disabled.',
    );
  }
  if (req.headers.get(CSRF_HEADER) !== '1') {
    throw new ForbiddenError(
      'This write lacks the header X-Meshlens-CSRF: 1. Send it from scripts; the Meshlens UI always does.',
    );
  }
  const origin = req.headers.get('origin');
  if (origin !== null && !sameOrigin(origin, ownOrigin(req))) {
    throw new ForbiddenError(
      `Writes are accepted only from Meshlens' own pages; this request came from ${origin}.`,
    );
  }
}
