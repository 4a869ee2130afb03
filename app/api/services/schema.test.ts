import { describe, expect, it } from 'vitest';
import { parseServicesQuery } from './schema';

const parse = (qs: string): ReturnType<typeof parseServicesQuery> =>
  parseServicesQuery(new URLSearchParams(qs));

describe('parseServicesQuery', () => {
  it('reads every namespace over the last minute when nothing is given', () => {
    expect(parse('')).toEqual({ window: '1m' });
    expect(parse('namespaces=').namespaces).toBeUndefined();
  });

  it('reads a list of namespaces', () => {
    expect(parse('namespaces=bookinfo,shop')).toEqual({
      namespaces: ['bookinfo', 'shop'],
      window: '1m',
    });
  });

  it('reads any window from 1m to 30d and an end, as the graph does', () => {
    expect(parse('window=1h30m&end=2026-12-05T11:00:00Z')).toEqual({
      window: '90m',
      end: Date.parse('2026-12-05T11:00:00Z'),
    });
    expect(parse('window=7d&end=1764932400')).toMatchObject({
      window: '7d',
      end: 1_764_932_400_000,
    });
  });

  it('refuses a bad namespace name, window or end as a 400', () => {
    for (const bad of [
      'namespaces=Not_A_Name',
      'window=5s',
      'window=31d',
      'window=5',
      'end=yesterday',
    ])
      expect(() => parse(bad), bad).toThrow(expect.objectContaining({ status: 400 }));
  });
});
