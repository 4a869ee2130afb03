/** The session's clock, pure so that it can be tested without a cookie. Times are epoch milliseconds. */

export interface SessionTimes {
  readonly issuedAt: number;
  readonly lastSeen: number;
}

export interface SessionLimits {
  readonly idleSeconds: number;
  readonly maxSeconds: number;
}

/** lastSeen is written back at most this often, so that most requests re-seal nothing. */
export const REFRESH_AFTER_MS = 60_000;

/** When the session ends if unused from now on: the earlier of the idle and the absolute limit. */
export function sessionEndsAt(t: SessionTimes, limits: SessionLimits): number {
  return Math.min(t.lastSeen + limits.idleSeconds * 1000, absoluteEnd(t, limits));
}

export function absoluteEnd(t: SessionTimes, limits: SessionLimits): number {
  return t.issuedAt + limits.maxSeconds * 1000;
}

export type SessionVerdict =
  | { readonly state: 'expired'; readonly why: 'idle' | 'absolute' | 'future' }
  | { readonly state: 'valid'; readonly refresh: boolean };

/**
 * Valid, expired (and why), and whether lastSeen should be moved to now. A session from the future
 * (issuedAt or lastSeen ahead of the clock by more than a minute) is refused rather than trusted.
 */
export function judgeSession(t: SessionTimes, limits: SessionLimits, now: number): SessionVerdict {
  if (t.issuedAt > now + REFRESH_AFTER_MS || t.lastSeen > now + REFRESH_AFTER_MS)
    return { state: 'expired', why: 'future' };
  if (now >= absoluteEnd(t, limits)) return { state: 'expired', why: 'absolute' };
  if (now >= t.lastSeen + limits.idleSeconds * 1000) return { state: 'expired', why: 'idle' };
  return { state: 'valid', refresh: now - t.lastSeen >= REFRESH_AFTER_MS };
}
