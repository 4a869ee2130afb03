import { describe, expect, it } from 'vitest';
import { buildCsp, newNonce } from './csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split('; ').map((d) => {
      const [name = '', ...values] = d.split(' ');
      return [name, values];
    }),
  );
}

describe('buildCsp', () => {
  it('allows scripts by nonce only and forbids framing, plugins and foreign connections', () => {
    const csp = directives(buildCsp({ nonce: 'abc=', isDev: false }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc='", "'strict-dynamic'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('allows eval only in development', () => {
    expect(buildCsp({ nonce: 'n', isDev: false })).not.toContain('unsafe-eval');
    expect(directives(buildCsp({ nonce: 'n', isDev: true })).get('script-src')).toContain(
      "'unsafe-eval'",
    );
  });

  it('never lists a nonce beside unsafe-inline for styles, where the nonce would disable it', () => {
    const style = directives(buildCsp({ nonce: 'n', isDev: false })).get('style-src') ?? [];
    expect(style).toContain("'unsafe-inline'");
    expect(style.some((v) => v.startsWith("'nonce-"))).toBe(false);
  });
});

describe('newNonce', () => {
  it('gives 128 fresh bits in base64 each time', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
