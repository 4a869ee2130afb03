/**
 * The policy evaluation on cases taken from Istio's documentation: the AuthorizationPolicy reference
 * (allow-nothing, allow-all, deny POST from dev, the httpbin example), the "Explicit Deny" and "TCP
 * Traffic" tasks, and ISTIO-SECURITY-2021-004 on mTLS-only fields and plaintext callers.
 */
import { describe, expect, it } from 'vitest';
import { authorizationPolicy as policy } from '@/lib/mesh/testing/authorization';
import type { IstioObject } from '@/lib/mesh/types';
import type { ObservedCall } from '@/lib/mesh/security/types';
import { policiesFor } from './applies';
import { evaluateCall } from './evaluate';

const call = (over: Partial<ObservedCall> = {}): ObservedCall => ({
  source: 'sleep',
  sourceNamespace: 'foo',
  principal: 'spiffe://cluster.local/ns/foo/sa/sleep',
  target: 'httpbin',
  targetNamespace: 'foo',
  security: 'mutual_tls',
  rps: 2,
  forbiddenRps: 0,
  bytesPerSecond: 0,
  ...over,
});

const PLAINTEXT = { source: 'legacy', principal: 'unknown', security: 'none' } as const;
const HTTPBIN = { namespace: 'foo', labels: { app: 'httpbin', version: 'v1' } };

function verdict(c: ObservedCall, ...policies: IstioObject[]) {
  return evaluateCall(c, policiesFor(HTTPBIN, policies));
}

const allowFrom = (source: Record<string, unknown>) =>
  policy('foo', 'allow', { action: 'ALLOW', rules: [{ from: [{ source }] }] });

describe('actions and empty rules', () => {
  it('allows everything when no policy applies', () => {
    expect(verdict(call())).toMatchObject({ verdict: 'allow' });
    expect(verdict(call(), policy('bar', 'allow-nothing', {}))).toMatchObject({ verdict: 'allow' });
  });

  it('allow-nothing (spec: {}) denies every request to the namespace, plaintext or not', () => {
    const nothing = policy('foo', 'allow-nothing', {});
    expect(verdict(call(), nothing)).toMatchObject({
      verdict: 'deny',
      decidedBy: { namespace: 'foo', name: 'allow-nothing', action: 'ALLOW' },
    });
    expect(verdict(call(PLAINTEXT), nothing).verdict).toBe('deny');
  });

  it('allow-all (rules: [{}]) allows everything, even next to allow-nothing', () => {
    const all = policy('foo', 'allow-all', { rules: [{}] });
    expect(verdict(call(PLAINTEXT), all)).toMatchObject({
      verdict: 'allow',
      decidedBy: { name: 'allow-all' },
    });
    expect(verdict(call(), all, policy('foo', 'allow-nothing', {})).verdict).toBe('allow');
  });

  it('deny-all (DENY with rules: [{}]) wins over allow-all; DENY with no rules denies nothing', () => {
    const denyAll = policy('foo', 'deny-all', { action: 'DENY', rules: [{}] });
    const allowAll = policy('foo', 'allow-all', { rules: [{}] });
    expect(verdict(call(), allowAll, denyAll)).toMatchObject({
      verdict: 'deny',
      decidedBy: { name: 'deny-all', action: 'DENY' },
    });
    expect(verdict(call(), policy('foo', 'deny-none', { action: 'DENY' })).verdict).toBe('allow');
  });

  it('AUDIT never decides', () => {
    const audit = policy('foo', 'audit', { action: 'AUDIT', rules: [{}] });
    expect(verdict(call(), audit)).toMatchObject({ verdict: 'allow' });
  });

  it('CUSTOM hands a matching request to its external authorizer, unless a DENY or ALLOW decides', () => {
    const custom = policy('foo', 'ext-authz', {
      action: 'CUSTOM',
      provider: { name: 'my-custom-authz' },
      rules: [{ to: [{ operation: { ports: ['8000'] } }] }],
    });
    expect(verdict(call({ port: 8000 }), custom)).toMatchObject({
      verdict: 'depends',
      dependsOn: ['external authorizer my-custom-authz'],
    });
    // The CUSTOM rule does not match port 9000: the extension is not asked.
    expect(verdict(call({ port: 9000 }), custom).verdict).toBe('allow');
    const denyAll = policy('foo', 'deny-all', { action: 'DENY', rules: [{}] });
    expect(verdict(call({ port: 8000 }), custom, denyAll).verdict).toBe('deny');
  });
});

describe('sources', () => {
  // The reference's first example: sleep's service account or namespace test, GET /info* or POST /data.
  const httpbin = policy('foo', 'httpbin', {
    action: 'ALLOW',
    rules: [
      {
        from: [
          { source: { principals: ['cluster.local/ns/default/sa/sleep'] } },
          { source: { namespaces: ['test'] } },
        ],
        to: [
          { operation: { methods: ['GET'], paths: ['/info*'] } },
          { operation: { methods: ['POST'], paths: ['/data'] } },
        ],
        when: [{ key: 'request.auth.claims[iss]', values: ['https://accounts.google.com'] }],
      },
    ],
  });

  it('denies a caller no source matches, whatever its request would be', () => {
    expect(verdict(call(), httpbin)).toMatchObject({
      verdict: 'deny',
      decidedBy: { name: 'httpbin' },
    });
  });

  it('a matching principal or namespace leaves the decision to methods, paths and the JWT', () => {
    const sleep = call({ principal: 'spiffe://cluster.local/ns/default/sa/sleep' });
    expect(verdict(sleep, httpbin)).toEqual({
      verdict: 'depends',
      dependsOn: ['methods', 'paths', 'request.auth.claims[iss]'],
      undecidedBy: [{ namespace: 'foo', name: 'httpbin', action: 'ALLOW' }],
      plaintext: false,
    });
    const fromTest = call({ principal: 'spiffe://cluster.local/ns/test/sa/any' });
    expect(verdict(fromTest, httpbin).verdict).toBe('depends');
  });

  it('principals take exact, prefix, suffix and presence patterns', () => {
    const checkout = call({ principal: 'spiffe://cluster.local/ns/shop/sa/checkout' });
    const cases: [string, boolean][] = [
      ['cluster.local/ns/shop/sa/checkout', true],
      ['cluster.local/ns/shop/sa/check', false],
      ['cluster.local/ns/shop/*', true],
      ['cluster.local/ns/bar/*', false],
      ['*/sa/checkout', true],
      ['*/sa/cart', false],
      ['*', true],
    ];
    for (const [pattern, allowed] of cases)
      expect(verdict(checkout, allowFrom({ principals: [pattern] })).verdict, pattern).toBe(
        allowed ? 'allow' : 'deny',
      );
  });

  it('values within a field OR, fields within a source AND', () => {
    const p = allowFrom({ principals: ['*/sa/cart', '*/sa/sleep'], namespaces: ['foo'] });
    expect(verdict(call(), p).verdict).toBe('allow');
    const elsewhere = call({ principal: 'spiffe://cluster.local/ns/bar/sa/sleep' });
    expect(verdict(elsewhere, p).verdict).toBe('deny');
  });

  it('namespaces come from the principal', () => {
    const p = allowFrom({ namespaces: ['foo'] });
    expect(verdict(call(), p).verdict).toBe('allow');
    // The metrics' source namespace does not count: Istio reads the certificate.
    expect(verdict(call({ principal: 'spiffe://cluster.local/ns/bar/sa/sleep' }), p).verdict).toBe(
      'deny',
    );
    expect(verdict(call(), allowFrom({ namespaces: ['f*'] })).verdict).toBe('allow');
  });

  it('a plaintext caller never matches principals or namespaces, not even "*"', () => {
    for (const source of [
      { principals: ['*'] },
      { namespaces: ['foo'] },
      { principals: ['*sleep'] },
    ])
      expect(verdict(call(PLAINTEXT), allowFrom(source))).toMatchObject({
        verdict: 'deny',
        plaintext: true,
      });
  });

  it('notPrincipals and notNamespaces match a plaintext caller (ISTIO-SECURITY-2021-004)', () => {
    const notFoo = allowFrom({ notNamespaces: ['foo'] });
    expect(verdict(call(), notFoo).verdict).toBe('deny');
    expect(verdict(call(PLAINTEXT), notFoo).verdict).toBe('allow');
    // The documented way to refuse plaintext: DENY when there is no principal.
    const denyPlain = policy('foo', 'require-mtls', {
      action: 'DENY',
      rules: [{ from: [{ source: { notPrincipals: ['*'] } }] }],
    });
    expect(verdict(call(PLAINTEXT), denyPlain).verdict).toBe('deny');
    expect(verdict(call(), denyPlain).verdict).toBe('allow');
  });

  it('notPrincipals excludes the listed identities', () => {
    const p = allowFrom({ notPrincipals: ['cluster.local/ns/foo/sa/sleep'] });
    expect(verdict(call(), p).verdict).toBe('deny');
    expect(verdict(call({ principal: 'spiffe://cluster.local/ns/foo/sa/curl' }), p).verdict).toBe(
      'allow',
    );
  });

  it('an mTLS call whose principal was not reported cannot be decided on principals', () => {
    const p = allowFrom({ principals: ['cluster.local/ns/foo/sa/sleep'] });
    expect(verdict(call({ principal: 'unknown' }), p)).toMatchObject({
      verdict: 'depends',
      dependsOn: ['principals'],
    });
  });

  it('request principals and IP blocks are undecidable from metrics', () => {
    const p = allowFrom({ requestPrincipals: ['*'], ipBlocks: ['10.0.0.0/8'] });
    expect(verdict(call(), p)).toMatchObject({
      verdict: 'depends',
      dependsOn: ['requestPrincipals', 'ipBlocks'],
    });
    expect(verdict(call(), allowFrom({ remoteIpBlocks: ['1.2.3.4'] })).dependsOn).toEqual([
      'remoteIpBlocks',
    ]);
  });
});

describe('operations and conditions', () => {
  const denyPort = (ports: string[]) =>
    policy('foo', 'deny-8080', {
      action: 'DENY',
      rules: [{ to: [{ operation: { ports } }] }],
    });

  it('ports decide when the call carries its port, and depend on it otherwise', () => {
    expect(verdict(call({ port: 8080 }), denyPort(['8080'])).verdict).toBe('deny');
    expect(verdict(call({ port: 9090 }), denyPort(['8080'])).verdict).toBe('allow');
    expect(verdict(call(), denyPort(['8080']))).toMatchObject({
      verdict: 'depends',
      dependsOn: ['ports'],
    });
    const notPorts = policy('foo', 'allow', {
      rules: [{ to: [{ operation: { notPorts: ['15000'] } }] }],
    });
    expect(verdict(call({ port: 8080 }), notPorts).verdict).toBe('allow');
    expect(verdict(call({ port: 15000 }), notPorts).verdict).toBe('deny');
  });

  it('a DENY that depends leaves the verdict depending, unless another DENY matches', () => {
    // "Explicit Deny": deny GET; the metrics do not carry the method.
    const denyGet = policy('foo', 'deny-method-get', {
      action: 'DENY',
      rules: [{ to: [{ operation: { methods: ['GET'] } }] }],
    });
    expect(verdict(call(), denyGet)).toMatchObject({ verdict: 'depends', dependsOn: ['methods'] });
    const denyAll = policy('foo', 'deny-all', { action: 'DENY', rules: [{}] });
    expect(verdict(call(), denyGet, denyAll)).toMatchObject({
      verdict: 'deny',
      decidedBy: { name: 'deny-all' },
    });
  });

  it('a DENY that depends next to an ALLOW that cannot match is a deny either way', () => {
    const denyGet = policy('foo', 'deny-method-get', {
      action: 'DENY',
      rules: [{ to: [{ operation: { methods: ['GET'] } }] }],
    });
    expect(verdict(call(), denyGet, policy('foo', 'allow-nothing', {})).verdict).toBe('deny');
  });

  it('the reference example: DENY POST from dev depends on the method only for dev', () => {
    const p = policy('foo', 'httpbin', {
      action: 'DENY',
      rules: [
        { from: [{ source: { namespaces: ['dev'] } }], to: [{ operation: { methods: ['POST'] } }] },
      ],
    });
    expect(verdict(call(), p).verdict).toBe('allow');
    const dev = call({ principal: 'spiffe://cluster.local/ns/dev/sa/x' });
    expect(verdict(dev, p)).toMatchObject({ verdict: 'depends', dependsOn: ['methods'] });
  });

  it('paths, methods and hosts on a TCP call: an ALLOW rule never matches, a DENY rule drops them', () => {
    const tcp = call({ rps: 0, bytesPerSecond: 1200, port: 9000 });
    const allowGet = policy('foo', 'allow-get', {
      rules: [{ to: [{ operation: { methods: ['GET'], ports: ['9000'] } }] }],
    });
    expect(verdict(tcp, allowGet).verdict).toBe('deny');
    const denyGet = policy('foo', 'deny-get', {
      action: 'DENY',
      rules: [{ to: [{ operation: { methods: ['GET'], ports: ['9000'] } }] }],
    });
    expect(verdict(tcp, denyGet).verdict).toBe('deny');
  });

  it('when: source.principal and source.namespace decide, request attributes depend', () => {
    const when = (cond: Record<string, unknown>) =>
      policy('foo', 'when', { rules: [{ when: [cond] }] });
    expect(verdict(call(), when({ key: 'source.namespace', values: ['foo'] })).verdict).toBe(
      'allow',
    );
    expect(verdict(call(), when({ key: 'source.namespace', notValues: ['foo'] })).verdict).toBe(
      'deny',
    );
    expect(
      verdict(call(), when({ key: 'source.principal', values: ['cluster.local/ns/foo/sa/*'] }))
        .verdict,
    ).toBe('allow');
    expect(verdict(call(PLAINTEXT), when({ key: 'source.principal', values: ['*'] })).verdict).toBe(
      'deny',
    );
    expect(
      verdict(call(), when({ key: 'request.headers[version]', values: ['v1'] })),
    ).toMatchObject({
      verdict: 'depends',
      dependsOn: ['request.headers[version]'],
    });
    expect(verdict(call(), when({ key: 'source.ip', values: ['10.0.0.1'] })).dependsOn).toEqual([
      'source.ip',
    ]);
  });

  it('one ALLOW that matches is enough; an ALLOW that depends does not make the call depend', () => {
    const paths = policy('foo', 'paths', {
      rules: [{ to: [{ operation: { paths: ['/info*'] } }] }],
    });
    const fromFoo = allowFrom({ namespaces: ['foo'] });
    expect(verdict(call(), paths, fromFoo)).toMatchObject({
      verdict: 'allow',
      decidedBy: { name: 'allow' },
    });
  });
});
