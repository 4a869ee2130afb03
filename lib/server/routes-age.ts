import 'server-only';

interface Seen {
  readonly fingerprint: string;
  /** ms epoch of the change this server saw; null for routes as they were when it first looked. */
  readonly since: number | null;
}

const seen = new Map<string, Seen>();

/**
 * How long a service's routes have been as they are, as far as this server can tell: from the first
 * time it read them in a new form. Routes it has seen only one way are of unknown age (null), which
 * the split judges as settled, as it did before it could tell.
 */
export function routesAgeSeconds(
  key: string,
  fingerprint: string,
  now = Date.now(),
): number | null {
  const before = seen.get(key);
  if (!before) {
    seen.set(key, { fingerprint, since: null });
    return null;
  }
  if (before.fingerprint !== fingerprint) {
    seen.set(key, { fingerprint, since: now });
    return 0;
  }
  return before.since === null ? null : (now - before.since) / 1000;
}
