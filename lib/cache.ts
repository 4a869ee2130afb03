/**
 * Request coalescing plus a short TTL cache. Pure (no I/O); the clock is injectable for tests.
 *
 * Concurrent `get`s of one key share one in-flight promise; a fulfilled value is then served for
 * `ttlMs`. Rejections are shared by the callers that were waiting but never cached, so the next
 * caller retries.
 */
export interface CoalescingCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
  stats(): CoalescingCacheStats;
}

export interface CoalescingCacheStats {
  /** Calls that ran `load`. */
  readonly loads: number;
  /** Calls that joined an in-flight load. */
  readonly coalesced: number;
  /** Calls answered from a cached value. */
  readonly hits: number;
}

interface Entry<T> {
  readonly promise: Promise<T>;
  /** Epoch ms after which the entry is stale; Infinity while in flight. */
  expiresAt: number;
}

export function coalescingCache<T>(
  ttlMs: number,
  now: () => number = Date.now,
  maxEntries = 1000,
): CoalescingCache<T> {
  const entries = new Map<string, Entry<T>>();
  let loads = 0;
  let coalesced = 0;
  let hits = 0;

  function evictExpired(at: number): void {
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
  }

  return {
    get(key, load) {
      const at = now();
      const existing = entries.get(key);
      if (existing && existing.expiresAt > at) {
        if (existing.expiresAt === Infinity) coalesced++;
        else hits++;
        return existing.promise;
      }
      if (entries.size >= maxEntries) evictExpired(at);
      loads++;
      const promise = load();
      const entry: Entry<T> = { promise, expiresAt: Infinity };
      entries.set(key, entry);
      promise.then(
        () => {
          entry.expiresAt = now() + ttlMs;
          if (ttlMs <= 0 && entries.get(key) === entry) entries.delete(key);
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return promise;
    },
    clear() {
      entries.clear();
    },
    stats() {
      return { loads, coalesced, hits };
    },
  };
}
