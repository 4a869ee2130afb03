import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, nextSort, parseWorkloadSort, writeWorkloadSort } from './url-state';

const write = (sort: Parameters<typeof writeWorkloadSort>[0], base = ''): string => {
  const params = new URLSearchParams(base);
  writeWorkloadSort(sort, params);
  return params.toString();
};

describe('workload sort in the URL', () => {
  it('defaults to worst health first, and falls back to it on anything malformed', () => {
    expect(parseWorkloadSort(new URLSearchParams(''))).toEqual(DEFAULT_SORT);
    expect(parseWorkloadSort(new URLSearchParams('sort=bogus&order=asc'))).toEqual(DEFAULT_SORT);
    expect(parseWorkloadSort(new URLSearchParams('sort=rps&order=sideways'))).toEqual({
      key: 'rps',
      direction: 'desc',
    });
  });

  it('round-trips, leaving defaults out and other parameters alone', () => {
    expect(write(DEFAULT_SORT, 'namespaces=shop&sort=rps')).toBe('namespaces=shop');
    expect(write({ key: 'name', direction: 'asc' })).toBe('sort=name');
    expect(write({ key: 'name', direction: 'desc' })).toBe('sort=name&order=desc');
    const sort = { key: 'health', direction: 'asc' } as const;
    expect(parseWorkloadSort(new URLSearchParams(write(sort)))).toEqual(sort);
  });

  it('reverses the current column and starts another in its first direction', () => {
    expect(nextSort(DEFAULT_SORT, 'health')).toEqual({ key: 'health', direction: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', direction: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'errorRate')).toEqual({ key: 'errorRate', direction: 'desc' });
  });
});
