import { describe, expect, it } from 'vitest';
import { InvalidError } from '@/lib/errors';
import { parseSecurityQuery } from './schema';

describe('/api/security query', () => {
  it('reads a window and an optional past end, as the detail pages send them', () => {
    expect(parseSecurityQuery(new URLSearchParams('namespaces=shop'))).toEqual({
      namespaces: ['shop'],
      window: '5m',
    });
    expect(
      parseSecurityQuery(new URLSearchParams('namespaces=shop&window=6h&end=1764928800')),
    ).toEqual({ namespaces: ['shop'], window: '6h', end: 1_764_928_800_000 });
    expect(() => parseSecurityQuery(new URLSearchParams('end=yesterday'))).toThrow(InvalidError);
  });
});
