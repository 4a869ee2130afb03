import { describe, expect, it } from 'vitest';
import { coalescingCache } from './cache';

function deferred<T>(): {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: Error) => void;
} {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('coalescingCache', () => {
  it('shares one in-flight load between concurrent callers', async () => {
    const cache = coalescingCache<number>(1000);
    const d = deferred<number>();
    let calls = 0;
    const load = (): Promise<number> => {
      calls++;
      return d.promise;
    };
    const a = cache.get('k', load);
    const b = cache.get('k', load);
    d.resolve(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(calls).toBe(1);
    expect(cache.stats()).toEqual({ loads: 1, coalesced: 1, hits: 0 });
  });

  it('serves the value until the TTL expires, then reloads', async () => {
    let t = 0;
    const cache = coalescingCache<number>(100, () => t);
    let n = 0;
    const load = async (): Promise<number> => ++n;
    expect(await cache.get('k', load)).toBe(1);
    t = 99;
    expect(await cache.get('k', load)).toBe(1);
    t = 100;
    expect(await cache.get('k', load)).toBe(2);
    expect(cache.stats()).toEqual({ loads: 2, coalesced: 0, hits: 1 });
  });

  it('keeps keys apart', async () => {
    const cache = coalescingCache<string>(1000);
    const [a, b] = await Promise.all([
      cache.get('a', async () => 'A'),
      cache.get('b', async () => 'B'),
    ]);
    expect([a, b]).toEqual(['A', 'B']);
  });

  it('shares a rejection with waiting callers but does not cache it', async () => {
    const cache = coalescingCache<number>(1000);
    const d = deferred<number>();
    const a = cache.get('k', () => d.promise);
    const b = cache.get('k', () => d.promise);
    d.reject(new Error('boom'));
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
    expect(await cache.get('k', async () => 3)).toBe(3);
  });

  it('with a TTL of 0 only coalesces', async () => {
    const cache = coalescingCache<number>(0);
    let n = 0;
    const load = async (): Promise<number> => ++n;
    await cache.get('k', load);
    expect(await cache.get('k', load)).toBe(2);
  });

  it('clear() drops cached values', async () => {
    const cache = coalescingCache<number>(1000);
    let n = 0;
    const load = async (): Promise<number> => ++n;
    await cache.get('k', load);
    cache.clear();
    expect(await cache.get('k', load)).toBe(2);
  });
});
