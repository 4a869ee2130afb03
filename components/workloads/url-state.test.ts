import { describe, expect, it } from 'vitest';
import { nextSort, parseSort, writeSort } from '@/components/ui/sort/sort-state';
import { WORKLOAD_COLUMNS, type WorkloadSort } from './url-state';

const DEFAULT_SORT = WORKLOAD_COLUMNS.initial;
const parse = (query: string): WorkloadSort =>
  parseSort(WORKLOAD_COLUMNS, new URLSearchParams(query));
const write = (sort: WorkloadSort, base = ''): string => {
  const params = new URLSearchParams(base);
  writeSort(WORKLOAD_COLUMNS, sort, params);
  return params.toString();
};

describe('workload sort in the URL', () => {
  it('defaults to worst health first, and falls back to it on anything malformed', () => {
    expect(parse('')).toEqual(DEFAULT_SORT);
    expect(parse('sort=bogus&order=asc')).toEqual(DEFAULT_SORT);
    expect(parse('sort=rps&order=sideways')).toEqual({ key: 'rps', direction: 'desc' });
    expect(parse('sort=p95')).toEqual({ key: 'p95', direction: 'desc' });
  });

  it('round-trips, leaving defaults out and other parameters alone', () => {
    expect(write(DEFAULT_SORT, 'namespaces=shop&sort=rps')).toBe('namespaces=shop');
    expect(write({ key: 'name', direction: 'asc' })).toBe('sort=name');
    expect(write({ key: 'name', direction: 'desc' })).toBe('sort=name&order=desc');
    const sort = { key: 'health', direction: 'asc' } as const;
    expect(parse(write(sort))).toEqual(sort);
  });

  it('reverses the current column and starts another in its first direction', () => {
    const next = (key: WorkloadSort['key']): WorkloadSort =>
      nextSort(WORKLOAD_COLUMNS, DEFAULT_SORT, key);
    expect(next('health')).toEqual({ key: 'health', direction: 'asc' });
    expect(next('name')).toEqual({ key: 'name', direction: 'asc' });
    expect(next('errorRate')).toEqual({ key: 'errorRate', direction: 'desc' });
    expect(next('p95')).toEqual({ key: 'p95', direction: 'desc' });
  });
});
