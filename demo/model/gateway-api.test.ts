import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/types.js';
import { backendRefs, hostnameMatches, referencePermitted, selectRule } from './gateway-api.js';

const route = (
  name: string,
  rules: Record<string, unknown>[],
  extra: Partial<KubeObject['metadata']> = {},
  kind = 'HTTPRoute',
): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind,
  metadata: { name, namespace: 'app', ...extra },
  spec: { parentRefs: [{ group: '', kind: 'Service', name: 'server' }], rules },
});

const req = (path: string, headers: Record<string, string> = {}, method = 'GET') => ({
  path,
  method,
  headers,
});
const to = (name: string) => ({ backendRefs: [{ name, port: 8080 }] });
const chosen = (routes: KubeObject[], r: ReturnType<typeof req>, grpc = false): string | null => {
  const c = selectRule(routes, r, grpc);
  return c ? String(backendRefs(c.route, c.rule)[0]?.name) : null;
};

describe('selectRule (Gateway API precedence)', () => {
  const rules = [
    to('catch-all'),
    { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], ...to('api') },
    { matches: [{ path: { type: 'PathPrefix', value: '/api/v2' } }], ...to('api-v2') },
    { matches: [{ path: { type: 'Exact', value: '/api/v2/x' } }], ...to('exact') },
    {
      matches: [
        {
          path: { type: 'PathPrefix', value: '/api' },
          headers: [{ name: 'End-User', value: 'jason' }],
        },
      ],
      ...to('jason'),
    },
    { matches: [{ path: { type: 'PathPrefix', value: '/api' }, method: 'POST' }], ...to('post') },
  ];
  const routes = [route('r', rules)];

  it('prefers an exact path, then the longest prefix, whatever the rule order', () => {
    expect(chosen(routes, req('/api/v2/x'))).toBe('exact');
    expect(chosen(routes, req('/api/v2/y?q=1'))).toBe('api-v2');
    expect(chosen(routes, req('/api/flights'))).toBe('api');
    expect(chosen(routes, req('/'))).toBe('catch-all');
  });

  it('matches prefixes by path element, not by characters', () => {
    expect(chosen(routes, req('/apix'))).toBe('catch-all');
  });

  it('ranks a method match, then header matches (names case-insensitive), above a bare prefix', () => {
    expect(chosen(routes, req('/api/flights', {}, 'POST'))).toBe('post');
    expect(chosen(routes, req('/api/flights', { 'end-user': 'jason' }))).toBe('jason');
    expect(chosen(routes, req('/api/flights', { 'end-user': 'ann' }))).toBe('api');
  });

  it('breaks ties by the oldest route, and answers null when nothing matches', () => {
    const older = route('b', [to('older')], { creationTimestamp: '2026-01-01T00:00:00Z' });
    const newer = route('a', [to('newer')], { creationTimestamp: '2026-02-01T00:00:00Z' });
    expect(chosen([newer, older], req('/'))).toBe('older');
    const onlyApi = route('x', [
      { matches: [{ path: { type: 'Exact', value: '/a' } }], ...to('a') },
    ]);
    expect(selectRule([onlyApi], req('/b'), false)).toBeNull();
  });

  it('matches GRPCRoutes on service and method, only for gRPC requests', () => {
    const grpc = route(
      'g',
      [
        {
          matches: [{ method: { service: 'pay.v1.Payments', method: 'Charge' } }],
          ...to('charge'),
        },
      ],
      {},
      'GRPCRoute',
    );
    expect(chosen([grpc], req('/pay.v1.Payments/Charge', {}, 'POST'), true)).toBe('charge');
    expect(chosen([grpc], req('/pay.v1.Payments/Refund', {}, 'POST'), true)).toBeNull();
    expect(chosen([grpc], req('/pay.v1.Payments/Charge', {}, 'POST'), false)).toBeNull();
  });
});

describe('backendRefs, hostnames and ReferenceGrants', () => {
  it('defaults a missing weight to 1 and the namespace to the route’s', () => {
    const r = route('r', [
      {
        backendRefs: [
          { name: 'a', port: 1 },
          { name: 'b', namespace: 'x', weight: 0 },
        ],
      },
    ]);
    const rule = (r.spec as { rules: Record<string, unknown>[] }).rules[0] ?? {};
    expect(backendRefs(r, rule)).toEqual([
      { weight: 1, name: 'a', namespace: 'app', port: 1, isService: true },
      { weight: 0, name: 'b', namespace: 'x', isService: true },
    ]);
  });

  it('matches wildcard hostnames on one more label only', () => {
    expect(hostnameMatches('*.example.com', 'travel.example.com')).toBe(true);
    expect(hostnameMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostnameMatches(undefined, 'anything')).toBe(true);
    expect(hostnameMatches('travel.example.com', 'shop.example.com')).toBe(false);
  });

  it('permits a cross-namespace reference only with a grant in the target namespace', () => {
    const grant: KubeObject = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'ReferenceGrant',
      metadata: { name: 'g', namespace: 'travel' },
      spec: {
        from: [
          { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'istio-system' },
        ],
        to: [{ group: '', kind: 'Service', name: 'web' }],
      },
    };
    expect(referencePermitted([grant], 'HTTPRoute', 'istio-system', 'travel', 'web')).toBe(true);
    expect(referencePermitted([grant], 'HTTPRoute', 'istio-system', 'travel', 'hotels')).toBe(
      false,
    );
    expect(referencePermitted([grant], 'GRPCRoute', 'istio-system', 'travel', 'web')).toBe(false);
    expect(referencePermitted([], 'HTTPRoute', 'istio-system', 'travel', 'web')).toBe(false);
    expect(referencePermitted([], 'HTTPRoute', 'travel', 'travel', 'web')).toBe(true);
  });
});
