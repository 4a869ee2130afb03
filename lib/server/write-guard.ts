import 'server-only';
import { getConfig } from '@/lib/config';
import { ForbiddenError } from '@/lib/errors';
import { originAllowed } from '@/lib/security/allowed-hosts';

/** The header every write must carry. A cross-site page cannot set it without a CORS preflight, which Meshlens never grants. */
export const CSRF_HEADER = 'x-meshlens-csrf';

/**
 * Throws ForbiddenError unless this request may change the cluster: the app is not read-only, the
 * request carries `X-Meshlens-CSRF: 1`, and its Origin, when present, is on the allowed hosts. The
 * Origin is compared with the allowlist, not with the request's own Host: a rebinding page or a
 * forged request chooses its Host. Call it before reading the body, so a refused write costs nothing.
 */
export function assertWritable(req: Request): void {
  if (getConfig().readOnly) {
    throw new ForbiddenError(
      'Meshlens runs in read-only mode (READ_ONLY=true); changes to the cluster are disabled.',
    );
  }
  assertFromMeshlensPage(req);
}

/**
 * The CSRF header and Origin checks of {@link assertWritable} without READ_ONLY: signing in and out
 * change no cluster, but a cross-site page must not sign a person in or out either.
 */
export function assertFromMeshlensPage(req: Request): void {
  const { allowedHosts } = getConfig();
  if (req.headers.get(CSRF_HEADER) !== '1') {
    throw new ForbiddenError(
      'This write lacks the header X-Meshlens-CSRF: 1. Send it from scripts; the Meshlens UI always does.',
    );
  }
  const origin = req.headers.get('origin');
  if (origin !== null && !originAllowed(origin, allowedHosts)) {
    throw new ForbiddenError(
      `Writes are accepted only from Meshlens' own pages; this request came from ${origin}. ` +
        'If Meshlens is served at that address, add its host to ALLOWED_HOSTS or set PUBLIC_URL.',
    );
  }
}
