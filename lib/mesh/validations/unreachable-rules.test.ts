import { describe, expect, it } from 'vitest';
import { istio } from '@/lib/mesh/testing/mesh';
import { checkUnreachableRules } from './unreachable-rules';

const vs = (spec: Record<string, unknown>) => istio('VirtualService', 'default', 'vs', spec);
const to = (host: string) => ({ route: [{ destination: { host } }] });
const codes = (spec: Record<string, unknown>) =>
  checkUnreachableRules(vs(spec)).map((v) => `${v.code} ${v.path}`);

describe('checkUnreachableRules (IST0130, IST0131)', () => {
  it('reports a second rule without matches as unreachable, at the rule', () => {
    const [found] = checkUnreachableRules(
      vs({ hosts: ['a'], http: [{ fault: { abort: { httpStatus: 500 } }, ...to('a') }, to('b')] }),
    );
    expect(found).toMatchObject({ code: 'IST0130', severity: 'warning', path: 'spec.http[1]' });
    expect(found?.message).toContain('http rule 0 before it has no match');
  });

  it('reports a rule after a catch-all once, whatever its matches', () => {
    expect(
      codes({ http: [to('a'), { match: [{ uri: { prefix: '/x' } }, { port: 80 }], ...to('b') }] }),
    ).toEqual(['IST0130 spec.http[1]']);
  });

  it('reports a duplicated match (names aside) and the rule it empties, naming the rules', () => {
    const found = checkUnreachableRules(
      vs({
        http: [
          { name: 'foo', match: [{ name: 'p', uri: { prefix: '/api' } }], ...to('foo') },
          { name: 'bar', match: [{ uri: { prefix: '/api' } }], ...to('bar') },
        ],
      }),
    );
    expect(found.map((v) => `${v.code} ${v.severity} ${v.path}`)).toEqual([
      'IST0130 warning spec.http[1]',
      'IST0131 info spec.http[1].match[0]',
    ]);
    expect(found[1]?.message).toContain("match 0 of http rule 0 ('foo')");
  });

  it('reports only the repeated match of a rule that still has one of its own', () => {
    expect(
      codes({
        http: [
          { match: [{ uri: { prefix: '/api' } }], ...to('a') },
          { match: [{ uri: { prefix: '/api' } }, { uri: { prefix: '/potato' } }], ...to('b') },
        ],
      }),
    ).toEqual(['IST0131 spec.http[1].match[0]']);
  });

  it('reports a longer URI prefix behind a shorter one with the same method', () => {
    const found = checkUnreachableRules(
      vs({
        http: [
          { match: [{ uri: { prefix: '/api/v1/prod' }, method: { exact: 'GET' } }], ...to('a') },
          {
            match: [
              { uri: { prefix: '/api/v1/product' }, method: { exact: 'GET' } },
              { uri: { prefix: '/api/v1/products' }, method: { exact: 'POST' } },
            ],
            ...to('b'),
          },
        ],
      }),
    );
    expect(found.map((v) => `${v.code} ${v.path}`)).toEqual(['IST0131 spec.http[1].match[0]']);
    expect(found[0]?.message).toContain("shorter prefix '/api/v1/prod'");
  });

  it('reports duplicate tcp and tls matches the same way', () => {
    expect(
      codes({
        tcp: [
          { match: [{ port: 31400 }], ...to('v1') },
          { match: [{ port: 31400 }], ...to('v2') },
        ],
        tls: [
          { match: [{ port: 2443, sniHosts: ['a.com'] }], ...to('a') },
          {
            match: [
              { port: 2443, sniHosts: ['a.com'] },
              { port: 8443, sniHosts: ['a.com'] },
            ],
            ...to('b'),
          },
        ],
      }),
    ).toEqual([
      'IST0130 spec.tcp[1]',
      'IST0131 spec.tcp[1].match[0]',
      'IST0131 spec.tls[1].match[0]',
    ]);
  });

  it('accepts Bookinfo-style routes: distinct matches, one catch-all last, exact beside prefix', () => {
    expect(
      codes({
        http: [
          { match: [{ headers: { 'end-user': { exact: 'jason' } } }], ...to('reviews') },
          {
            match: [{ uri: { prefix: '/' } }, { uri: { exact: '/' }, method: { exact: 'GET' } }],
            ...to('r'),
          },
          to('reviews'),
        ],
      }),
    ).toEqual([]);
  });

  it('ignores objects of other kinds', () => {
    expect(
      checkUnreachableRules(istio('DestinationRule', 'default', 'dr', { http: [{}, {}] })),
    ).toEqual([]);
  });
});
