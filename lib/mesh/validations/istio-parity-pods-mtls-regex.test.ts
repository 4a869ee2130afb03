/**
 * Parity with `istioctl analyze` (subsets without pods, mTLS, regexes): the Istio testdata each block mirrors is named in its
 * describe(); how the cases are built is in lib/mesh/testing/istio-parity.ts.
 */
import { describe, expect, it } from 'vitest';
import type { IstioObject } from '@/lib/mesh/types';
import { checkDestinationRuleHost } from './destination-rule-host';
import { checkInvalidRegex } from './invalid-regex';
import { checkMtlsConflict } from './mtls-conflict';
import { checkSubsetNoPods } from './subset-no-pods';
import { codes, withPorts } from '../testing/istio-parity';
import { istio, meshOf, pod, service } from '../testing/mesh';

describe('destinationrule-subsets-not-select-pods, -with-topology-labels, -empty-topology-labels, -with-fake-host', () => {
  const svc = withPorts(service('default', 'web'), 8000);
  const webPod = pod('default', 'web-1', { app: 'web', version: 'v1' });
  const rule = (name: string, spec: Record<string, unknown>): IstioObject =>
    istio('DestinationRule', 'default', name, { host: 'web.default.svc.cluster.local', ...spec });
  const checks = [checkSubsetNoPods, checkDestinationRuleHost];

  it('flags a subset no pod carries (IST0173)', () => {
    const dr = rule('r', { subsets: [{ name: 'v3', labels: { version: 'v3' } }] });
    expect(codes(checks, dr, meshOf([dr], [svc], []))).toEqual(['IST0173']);
  });

  it('does not flag subsets on node topology labels Istio adds to endpoints', () => {
    const dr = rule('r', {
      subsets: [
        { name: 'west', labels: { 'topology.kubernetes.io/region': 'us-west-1' } },
        { name: 'west-a', labels: { 'topology.kubernetes.io/zone': 'us-west-1a' } },
        { name: 'v1', labels: { version: 'v1' } },
        {
          name: 'v1-west',
          labels: { version: 'v1', 'topology.kubernetes.io/region': 'us-west-1' },
        },
      ],
    });
    expect(codes(checks, dr, meshOf([dr], [svc], [webPod]))).toEqual([]);
  });

  it('flags a subset on an empty topology label, which Istio never matches', () => {
    const dr = rule('r', {
      subsets: [
        { name: 'blank', labels: { 'topology.kubernetes.io/region': '' } },
        { name: 'v1', labels: { version: 'v1' } },
      ],
    });
    expect(codes(checks, dr, meshOf([dr], [svc], [webPod]))).toEqual(['IST0173']);
  });

  it('warns about a rule whose host names no service (IST0174)', () => {
    const dr = istio('DestinationRule', 'default', 'ghost', {
      host: 'ghost.default.svc.cluster.local',
      trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' } },
    });
    expect(codes(checks, dr, meshOf([dr], [svc], [webPod]))).toEqual(['IST0174']);
  });
});

describe('mtls-no-sidecar.yaml, mtls-ignores-istio-control-plane.yaml (IST0113, with PeerAuthentication)', () => {
  const strict = istio('PeerAuthentication', 'istio-system', 'default', {
    mtls: { mode: 'STRICT' },
  });
  const meshWide = istio('DestinationRule', 'istio-system', 'default', {
    host: '*.local',
    trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
  });
  const disable = (name: string, host: string): IstioObject =>
    istio('DestinationRule', 'istio-system', name, {
      host,
      trafficPolicy: { tls: { mode: 'DISABLE' } },
    });
  const legacy = service('legacy', 'old');
  const oldPod = { ...pod('legacy', 'old-1', { app: 'old' }), hasSidecar: false };
  const lonely = service('legacy', 'empty');

  it('passes plaintext to a workload without sidecar, or with no pods at all', () => {
    const toOld = disable('old', 'old.legacy.svc.cluster.local');
    const toEmpty = disable('empty', 'empty.legacy.svc.cluster.local');
    const mesh = meshOf([strict, meshWide, toOld, toEmpty], [legacy, lonely], [oldPod]);
    expect(codes([checkMtlsConflict], toOld, mesh)).toEqual([]);
    expect(codes([checkMtlsConflict], toEmpty, mesh)).toEqual([]);
  });

  it('passes a mesh-wide ISTIO_MUTUAL rule under a STRICT mesh, and its wildcard host', () => {
    const mesh = meshOf([strict, meshWide], [legacy], [oldPod]);
    expect(codes([checkMtlsConflict, checkDestinationRuleHost], meshWide, mesh)).toEqual([]);
  });

  it('still flags plaintext to a sidecar that requires mTLS', () => {
    const app = service('shop', 'cart');
    const cartPod = pod('shop', 'cart-1', { app: 'cart' });
    const toCart = disable('cart', 'cart.shop.svc.cluster.local');
    expect(codes([checkMtlsConflict], toCart, meshOf([strict, toCart], [app], [cartPod]))).toEqual([
      'IST0113',
    ]);
  });
});

describe('virtualservice_regexes.yaml (RegexAnalyzer)', () => {
  const match = (m: Record<string, unknown>, extra: Record<string, unknown> = {}): IstioObject =>
    istio('VirtualService', 'default', 'r', {
      hosts: ['*'],
      gateways: ['edge'],
      http: [{ match: [m], route: [{ destination: { host: 'web' } }], ...extra }],
    });
  const check = (vs: IstioObject): string[] => codes([checkInvalidRegex], vs, meshOf([]));

  it('passes a valid regex, flags a broken one and an ECMAScript-only lookahead', () => {
    expect(check(match({ uri: { regex: '/api/v[0-9]+' } }))).toEqual([]);
    expect(check(match({ uri: { regex: '[a-z' } }))).toEqual(['IST0122']);
    expect(check(match({ uri: { regex: '^(?!/admin).*' } }))).toEqual(['IST0122']);
  });

  it('checks uri, scheme, method, authority, headers, queryParams and CORS origins, not withoutHeaders', () => {
    const bad = { regex: '(' };
    const vs = match(
      {
        uri: bad,
        scheme: bad,
        method: bad,
        authority: bad,
        headers: { h: bad },
        queryParams: { q: bad },
        withoutHeaders: { w: bad },
      },
      { corsPolicy: { allowOrigins: [bad] } },
    );
    expect(check(vs)).toEqual(Array.from({ length: 7 }, () => 'IST0122'));
  });
});
