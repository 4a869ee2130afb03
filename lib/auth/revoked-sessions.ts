/**
 * Sessions signed out before their cookie expires. The cookie is sealed, not stored, so a copy of it
 * would otherwise stay valid after sign-out; the ids are kept until the session would have ended
 * anyway. In process memory (on globalThis, shared by proxy.ts and the routes): a restart forgets
 * them, which is why the absolute expiry stays short. Bounded: the oldest go first.
 */
const KEY = Symbol.for('meshlens.revokedSessions');
const MAX_REVOKED = 10_000;

function revoked(): Map<string, number> {
  const store = globalThis as { [KEY]?: Map<string, number> };
  store[KEY] ??= new Map();
  return store[KEY];
}

export function revokeSession(sid: string, until: number, now: number = Date.now()): void {
  const map = revoked();
  for (const [id, end] of map) if (end <= now) map.delete(id);
  map.set(sid, until);
  while (map.size > MAX_REVOKED) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

export function isRevoked(sid: string, now: number = Date.now()): boolean {
  const until = revoked().get(sid);
  return until !== undefined && until > now;
}
