import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidError } from '@/lib/errors';
import { parseParams, parseQuery } from './parse-input';

const Query = z.object({ n: z.string().regex(/^\d+$/, 'digits').transform(Number) });

describe('parseQuery', () => {
  it('returns the schema output', () => {
    expect(parseQuery(Query, new URLSearchParams('n=42&other=x'))).toEqual({ n: 42 });
  });

  it('refuses an unusable query string as a 400 naming the parameter', () => {
    const err: unknown = (() => {
      try {
        return parseQuery(Query, new URLSearchParams('n=x'));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InvalidError);
    expect(err).toMatchObject({
      status: 400,
      type: 'malformed-request',
      detail: 'n: digits',
      errors: [{ path: 'n', message: 'digits' }],
    });
  });
});

describe('parseParams', () => {
  it('refuses bad path parameters as a 400 too', () => {
    expect(() => parseParams(Query, { n: '' })).toThrow(
      expect.objectContaining({ status: 400, type: 'malformed-request' }),
    );
  });
});
