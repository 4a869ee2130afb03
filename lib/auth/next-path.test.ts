import { describe, expect, it } from 'vitest';
import { safeNextPath, signInUrl } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path on this site with its query and hash', () => {
    expect(safeNextPath('/istio?namespace=bookinfo#x')).toBe('/istio?namespace=bookinfo#x');
    expect(safeNextPath('/services/bookinfo/reviews')).toBe('/services/bookinfo/reviews');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'istio',
    '/a\nb',
    '/sign-in?next=/',
    '',
    null,
    undefined,
    `/${'a'.repeat(3000)}`,
  ])('sends %j home instead', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('builds the sign-in URL with next encoded', () => {
    expect(signInUrl('/graph?namespaces=bookinfo')).toBe(
      '/sign-in?next=%2Fgraph%3Fnamespaces%3Dbookinfo',
    );
    expect(signInUrl('/')).toBe('/sign-in');
  });
});
