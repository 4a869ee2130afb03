import { describe, expect, it } from 'vitest';
import { InvalidError } from '@/lib/errors';
import { parseTraceId, parseTracesParams } from './schema';

const parse = (q: string): ReturnType<typeof parseTracesParams> =>
  parseTracesParams(new URLSearchParams(q));

function problem(q: string): InvalidError {
  try {
    parse(q);
  } catch (err) {
    if (err instanceof InvalidError) return err;
    throw err;
  }
  throw new Error(`no problem with ${q}`);
}

describe('parseTracesParams', () => {
  it('reads an edge with defaults', () => {
    expect(parse('namespace=bookinfo&source=productpage&target=reviews')).toEqual({
      namespace: 'bookinfo',
      source: 'productpage',
      target: 'reviews',
      window: '15m',
      limit: 20,
      errorsOnly: false,
      sort: 'newest',
    });
  });

  it('reads every filter', () => {
    expect(
      parse(
        'namespace=bookinfo&target=reviews-v2&window=6h&limit=200&minDurationMs=12.5&errorsOnly=true&operation=GET%20%2F&sort=slowest',
      ),
    ).toMatchObject({
      window: '6h',
      limit: 200,
      minDurationMs: 12.5,
      errorsOnly: true,
      operation: 'GET /',
      sort: 'slowest',
    });
  });

  it('answers 400 naming the bad parameter', () => {
    const cases: [string, string][] = [
      ['source=a&target=b', 'namespace'],
      ['namespace=Bad_NS&target=b', 'namespace'],
      ['namespace=ns&target=b.c', 'target'],
      ['namespace=ns&target=b&window=31d', 'window'],
      ['namespace=ns&target=b&limit=0', 'limit'],
      ['namespace=ns&target=b&limit=201', 'limit'],
      ['namespace=ns&target=b&limit=ten', 'limit'],
      ['namespace=ns&target=b&minDurationMs=-1', 'minDurationMs'],
      ['namespace=ns&target=b&errorsOnly=yes', 'errorsOnly'],
      ['namespace=ns&target=b&sort=fastest', 'sort'],
      ['namespace=ns', 'target'],
    ];
    for (const [q, param] of cases) {
      const err = problem(q);
      expect(err.status, q).toBe(400);
      expect(
        err.errors.map((e) => e.path),
        q,
      ).toContain(param);
    }
  });
});

describe('parseTraceId', () => {
  it('accepts hex ids and refuses the rest with a 400', () => {
    expect(parseTraceId('ABCdef0123')).toBe('abcdef0123');
    expect(() => parseTraceId('xyz')).toThrow(/traceId/);
    expect(() => parseTraceId('a'.repeat(33))).toThrow(InvalidError);
  });
});
