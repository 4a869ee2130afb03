import { describe, expect, it } from 'vitest';
import { checkInvalidRegex } from './invalid-regex';
import { checkRe2 } from './re2';
import { istio } from '../testing/mesh';

const vs = (match: Record<string, unknown>): ReturnType<typeof istio> =>
  istio('VirtualService', 'bookinfo', 'reviews', {
    hosts: ['reviews'],
    http: [{ match: [match], route: [{ destination: { host: 'reviews' } }] }],
  });

describe('checkInvalidRegex', () => {
  it('passes regexes RE2 compiles, including RE2-only syntax', () => {
    expect(
      checkInvalidRegex(
        vs({
          uri: { regex: '/api/v[0-9]+/.*' },
          headers: { 'end-user': { regex: '(?i)jason|(?P<who>kim)' } },
          queryParams: { id: { regex: '[[:digit:]]+\\z' } },
        }),
      ),
    ).toEqual([]);
  });

  it('flags a regex that does not compile, at its path (IST0122)', () => {
    expect(checkInvalidRegex(vs({ headers: { 'end-user': { regex: '(jason' } } }))).toEqual([
      {
        code: 'IST0122',
        severity: 'warning',
        message: expect.stringContaining('does not compile') as string,
        path: 'spec.http[0].match[0].headers.end-user.regex',
      },
    ]);
  });
});

describe('checkRe2', () => {
  it('refuses what JavaScript accepts but RE2 does not', () => {
    expect(checkRe2('foo(?=bar)')).toEqual({
      ok: false,
      reason: expect.stringContaining('lookahead') as string,
    });
    expect(checkRe2('(a)\\1')).toEqual({
      ok: false,
      reason: expect.stringContaining('backreferences') as string,
    });
  });

  it('accepts literal spans and escaped backslashes', () => {
    expect(checkRe2('\\Q(a+)\\E')).toEqual({ ok: true });
    expect(checkRe2('a\\\\1')).toEqual({ ok: true });
  });
});
