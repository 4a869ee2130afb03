import { describe, expect, it } from 'vitest';
import { serverTimingHeader, timedJson } from './server-timing';

describe('serverTimingHeader', () => {
  it('formats durations and descriptions', () => {
    expect(
      serverTimingHeader([
        { name: 'prom', durMs: 12.345, desc: '4 queries' },
        { name: 'cache', desc: 'h"it\\' },
      ]),
    ).toBe('prom;dur=12.3;desc="4 queries", cache;desc="hit"');
  });
});

describe('timedJson', () => {
  it('adds serialisation and total time to the given timings', async () => {
    const res = timedJson({ a: 1 }, [{ name: 'build', durMs: 1 }], performance.now(), {
      'x-extra': '1',
    });
    expect(res.headers.get('server-timing')).toMatch(
      /^build;dur=1\.0, json;dur=\d+\.\d, total;dur=\d+\.\d$/,
    );
    expect(res.headers.get('x-extra')).toBe('1');
    expect(await res.json()).toEqual({ a: 1 });
  });
});
