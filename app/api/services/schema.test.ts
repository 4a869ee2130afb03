import { describe, expect, it } from 'vitest';
import { parseServicesQuery } from './schema';

const parse = (qs: string): ReturnType<typeof parseServicesQuery> =>
  parseServicesQuery(new URLSearchParams(qs));

describe('parseServicesQuery', () => {
  it('reads every namespace when the list is absent or empty', () => {
    expect(parse('')).toEqual({});
    expect(parse('namespaces=').namespaces).toBeUndefined();
  });

  it('reads a list of namespaces', () => {
    expect(parse('namespaces=bookinfo,shop')).toEqual({ namespaces: ['bookinfo', 'shop'] });
  });

  it('refuses a bad namespace name as a 400', () => {
    expect(() => parse('namespaces=Not_A_Name')).toThrow(expect.objectContaining({ status: 400 }));
  });
});
