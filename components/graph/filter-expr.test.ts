import { describe, expect, it } from 'vitest';
import { matchesFilter, parseFilter } from './filter-expr';

describe('find/hide expressions', () => {
  it('parses names, kinds, healths and namespaces, split by spaces or commas', () => {
    expect(parseFilter('Reviews, kind:service health:FAILING ns:shop')).toEqual({
      terms: [
        { field: 'name', value: 'reviews' },
        { field: 'kind', value: 'service' },
        { field: 'health', value: 'failing' },
        { field: 'ns', value: 'shop' },
      ],
      errors: [],
    });
  });

  it('says what is wrong with a term it cannot read', () => {
    const { terms, errors } = parseFilter('kind:pod colour:red');
    expect(terms).toEqual([]);
    expect(errors).toEqual([
      '"kind:pod": kind is one of workload, app, service, unknown, external',
      '"colour:red": unknown field colour (use kind:, health: or ns:)',
    ]);
  });

  it('matches when any term matches, and an empty filter matches nothing', () => {
    const node = {
      name: 'reviews-v2',
      namespace: 'bookinfo',
      kind: 'workload',
      health: 'healthy',
    } as const;
    expect(matchesFilter(parseFilter('view'), node)).toBe(true);
    expect(matchesFilter(parseFilter('kind:service health:healthy'), node)).toBe(true);
    expect(matchesFilter(parseFilter('ns:shop'), node)).toBe(false);
    expect(matchesFilter(parseFilter(''), node)).toBe(false);
    expect(matchesFilter(parseFilter('reviews'), { health: 'healthy' })).toBe(false);
  });
});
