import { describe, expect, it } from 'vitest';
import { istio, meshOf, pod } from '@/lib/mesh/testing/mesh';
import type { IstioObject } from '@/lib/mesh/types';
import { checkJwtClaimRouting } from './jwt-claim-routing';

const gateway = istio('Gateway', 'default', 'foo-gateway', {
  selector: { istio: 'ingressgateway' },
  servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['foo.com'] }],
});
const ingressPod = pod('istio-system', 'ingressgateway-1', { istio: 'ingressgateway' });
const vs = (gateways: string[], match: Record<string, unknown>) =>
  istio('VirtualService', 'default', 'foo', {
    hosts: ['foo.com'],
    gateways,
    http: [{ match: [{ uri: { prefix: '/' } }, match], route: [{ destination: { host: 'foo' } }] }],
  });
const claimMatch = { headers: { '@request.auth.claims.groups': { exact: 'admin' } } };
const ra = (namespace: string, matchLabels?: Record<string, string>) =>
  istio('RequestAuthentication', namespace, 'jwt', {
    ...(matchLabels && { selector: { matchLabels } }),
    jwtRules: [{ issuer: 'https://issuer' }],
  });
const check = (obj: IstioObject, more: IstioObject[] = []) =>
  checkJwtClaimRouting(obj, meshOf([gateway, obj, ...more], [], [ingressPod]));

describe('checkJwtClaimRouting (IST0149)', () => {
  it('reports claim routing at a gateway whose pod has no RequestAuthentication, at the header', () => {
    const found = check(vs(['foo-gateway'], claimMatch));
    expect(found).toMatchObject([
      {
        code: 'IST0149',
        severity: 'error',
        path: 'spec.http[0].match[1].headers["@request.auth.claims.groups"]',
      },
    ]);
    expect(found[0]?.message).toContain('istio-system/ingressgateway-1');
  });

  it('reads withoutHeaders too, and a gateway named namespace/name', () => {
    const without = { withoutHeaders: { '@request.auth.claims.role': { exact: 'guest' } } };
    expect(check(vs(['default/foo-gateway'], without))).toHaveLength(1);
  });

  it('accepts a RequestAuthentication in istio-system or the pod namespace that selects the pod', () => {
    const obj = vs(['foo-gateway'], claimMatch);
    expect(check(obj, [ra('istio-system')])).toEqual([]);
    expect(check(obj, [ra('istio-system', { istio: 'ingressgateway' })])).toEqual([]);
  });

  it('still reports when the only RequestAuthentication is elsewhere or selects other pods', () => {
    const obj = vs(['foo-gateway'], claimMatch);
    expect(check(obj, [ra('default')])).toHaveLength(1);
    expect(check(obj, [ra('istio-system', { app: 'other' })])).toHaveLength(1);
  });

  it('says nothing for the mesh gateway, a missing gateway, no claim match, or no gateway pods', () => {
    expect(check(vs(['mesh', 'nowhere'], claimMatch))).toEqual([]);
    expect(check(vs(['foo-gateway'], { headers: { 'end-user': { exact: 'jason' } } }))).toEqual([]);
    const obj = vs(['foo-gateway'], claimMatch);
    expect(checkJwtClaimRouting(obj, meshOf([gateway, obj]))).toEqual([]);
  });
});
