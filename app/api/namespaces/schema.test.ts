import { describe, expect, it } from 'vitest';
import { parseNamespacesQuery } from './schema';

describe('parseNamespacesQuery', () => {
  it("judges the last minute by default and reads a window and a past end as the graph's", () => {
    expect(parseNamespacesQuery(new URLSearchParams())).toEqual({ window: '1m' });
    expect(
      parseNamespacesQuery(new URLSearchParams('window=90m&end=2026-12-05T10:00:00Z')),
    ).toEqual({ window: '90m', end: Date.parse('2026-12-05T10:00:00Z') });
  });

  it('refuses a window outside 1m–30d and an end that is no time, naming the parameter', () => {
    for (const [q, path] of [
      ['window=5s', 'window'],
      ['window=31d', 'window'],
      ['end=yesterday', 'end'],
    ] as const) {
      expect(() => parseNamespacesQuery(new URLSearchParams(q)), q).toThrow(
        expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path })] }),
      );
    }
  });
});
