import { describe, expect, it } from 'vitest';
import { ruleReach } from './http-rule-reach';

const to = (host: string) => ({ route: [{ destination: { host } }] });
const prefix = (p: string, extra: Record<string, unknown> = {}) => ({
  uri: { prefix: p },
  ...extra,
});

describe('ruleReach', () => {
  it('finds every rule reachable in distinct matches followed by one catch-all', () => {
    const reach = ruleReach({
      http: [
        { match: [prefix('/a')], ...to('a') },
        { match: [{ headers: { 'end-user': { exact: 'jason' } } }], ...to('b') },
        to('c'),
      ],
    });
    expect(reach.rules).toEqual([
      { index: 0, ineffectiveMatches: [] },
      { index: 1, ineffectiveMatches: [] },
      { index: 2, ineffectiveMatches: [] },
    ]);
  });

  it('marks a second rule without matches unreachable behind the first', () => {
    const reach = ruleReach({ http: [to('a'), { mirror: { host: 'm' }, ...to('b') }] });
    expect(reach.rules[1]?.unreachableBecause).toEqual({ rule: 0, reason: 'catch-all' });
  });

  it('marks a rule with matches unreachable after a catch-all, without judging its matches', () => {
    const reach = ruleReach({ http: [to('a'), { match: [prefix('/x')], ...to('b') }] });
    expect(reach.rules[1]).toEqual({
      index: 1,
      unreachableBecause: { rule: 0, reason: 'catch-all' },
      ineffectiveMatches: [],
    });
  });

  it('marks a duplicate match ineffective, names aside, and the rule unreachable when all are', () => {
    const reach = ruleReach({
      http: [
        { name: 'foo', match: [{ name: 'p', ...prefix('/api/v1/products') }], ...to('foo') },
        { name: 'bar', match: [prefix('/api/v1/products')], ...to('bar') },
      ],
    });
    expect(reach.rules[1]).toEqual({
      index: 1,
      unreachableBecause: { rule: 0, reason: 'duplicate' },
      ineffectiveMatches: [{ match: 0, shadowedBy: { rule: 0, match: 0 }, reason: 'duplicate' }],
    });
  });

  it('tells a header presence match from no header, and an empty map from none', () => {
    const presence = ruleReach({
      http: [
        { match: [prefix('/a', { headers: { 'x-canary': {} } })], ...to('canary') },
        { match: [prefix('/a')], ...to('stable') },
      ],
    });
    expect(presence.rules[1]?.ineffectiveMatches).toEqual([]);
    const emptyMap = ruleReach({
      http: [
        { match: [prefix('/a', { headers: {} })], ...to('a') },
        { match: [prefix('/a', { ignoreUriCase: false })], ...to('b') },
      ],
    });
    expect(emptyMap.rules[1]?.unreachableBecause).toEqual({ rule: 0, reason: 'duplicate' });
  });

  it('keeps a rule reachable when only some of its matches repeat earlier ones', () => {
    const reach = ruleReach({
      http: [
        { match: [prefix('/api/v1/products')], ...to('foo') },
        { match: [prefix('/api/v1/products'), prefix('/potato')], ...to('bar') },
      ],
    });
    expect(reach.rules[1]?.unreachableBecause).toBeUndefined();
    expect(reach.rules[1]?.ineffectiveMatches).toHaveLength(1);
  });

  it('reports a longer prefix behind a shorter one with the same method (GET when unset)', () => {
    const reach = ruleReach({
      http: [
        {
          match: [
            prefix('/api/v1/product'),
            prefix('/api/v1/products', { method: { exact: 'GET' } }),
          ],
          ...to('foo'),
        },
      ],
    });
    expect(reach.rules[0]?.ineffectiveMatches).toEqual([
      { match: 1, shadowedBy: { rule: 0, match: 0 }, reason: 'prefix' },
    ]);
    expect(reach.rules[0]?.unreachableBecause).toBeUndefined();
  });

  it('leaves a longer prefix alone when its method, headers or port differ, or its URI is exact', () => {
    const get = { method: { exact: 'GET' } };
    const reach = ruleReach({
      http: [
        { match: [prefix('/api/v1/prod', get)], ...to('a') },
        { match: [prefix('/api/v1/products', { method: { exact: 'POST' } })], ...to('b') },
        {
          match: [prefix('/api/v1/produce', { ...get, headers: { x: { exact: '1' } } })],
          ...to('c'),
        },
        { match: [prefix('/api/v1/prodx', { ...get, port: 8080 })], ...to('d') },
        { match: [{ uri: { exact: '/api/v1/prod/1' }, ...get }], ...to('e') },
      ],
    });
    expect(reach.rules.flatMap((r) => r.ineffectiveMatches)).toEqual([]);
  });

  it('judges tcp and tls rules by identical matches and catch-alls only', () => {
    const tcp = ruleReach(
      {
        tcp: [
          { match: [{ port: 31400 }], ...to('v1') },
          { match: [{ port: 31400 }, { port: 31401 }], ...to('v2') },
          { match: [{ port: 31400 }], ...to('v3') },
        ],
      },
      'tcp',
    );
    expect(tcp.rules[1]?.unreachableBecause).toBeUndefined();
    expect(tcp.rules[1]?.ineffectiveMatches).toHaveLength(1);
    expect(tcp.rules[2]?.unreachableBecause).toEqual({ rule: 0, reason: 'duplicate' });
    const tls = ruleReach(
      {
        tls: [
          { match: [{ port: 2443, sniHosts: ['a.example.com'] }], ...to('a') },
          { match: [{ port: 2443, sniHosts: ['b.example.com'] }], ...to('b') },
        ],
      },
      'tls',
    );
    expect(tls.rules.every((r) => !r.unreachableBecause && r.ineffectiveMatches.length === 0)).toBe(
      true,
    );
  });

  it('skips entries that are not rules and reads a spec that is not an object as empty', () => {
    expect(ruleReach({ http: [null, to('a')] }).rules).toEqual([
      { index: 0, ineffectiveMatches: [] },
      { index: 1, ineffectiveMatches: [] },
    ]);
    expect(ruleReach('nonsense').rules).toEqual([]);
  });
});
