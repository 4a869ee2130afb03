import { createHash, timingSafeEqual } from 'node:crypto';

/** Bounds on what an auth proxy may name: Kubernetes user and group names are short in practice. */
export const MAX_NAME_CHARS = 256;
export const MAX_GROUPS = 100;

/** Printable, no control characters (which would split an audit line or a header), no commas in a user. */
const NAME = /^[^\p{Cc},]+$/u;

/**
 * Equal in constant time. Both sides are hashed first so that neither the length nor a prefix of
 * the configured secret leaks through timing.
 */
export function secretMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The user header's value, trimmed, or undefined when missing, too long or not a plain name. */
export function parseUserHeader(value: string | null): string | undefined {
  const user = value?.trim();
  if (!user || user.length > MAX_NAME_CHARS || !NAME.test(user)) return undefined;
  return user;
}

/** Comma-separated groups, trimmed, empty ones dropped; undefined when one is not a plain name or there are too many. */
export function parseGroupsHeader(value: string | null): string[] | undefined {
  if (value === null) return [];
  const groups = value
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  if (groups.length > MAX_GROUPS) return undefined;
  if (groups.some((g) => g.length > MAX_NAME_CHARS || !NAME.test(g))) return undefined;
  return [...new Set(groups)];
}
