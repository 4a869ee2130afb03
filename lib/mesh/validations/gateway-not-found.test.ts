import { describe, expect, it } from 'vitest';
import { checkGatewayNotFound } from './gateway-not-found';
import { istio, meshOf } from '../testing/mesh';

const gateway = istio('Gateway', 'shop', 'shop-gateway', { servers: [] });
const vs = (gateways: string[]): ReturnType<typeof istio> =>
  istio('VirtualService', 'shop', 'shop', { hosts: ['shop.example.com'], gateways });

describe('checkGatewayNotFound', () => {
  it('passes existing gateways by name or namespace/name, and mesh', () => {
    const mesh = meshOf([gateway]);
    expect(checkGatewayNotFound(vs(['shop-gateway', 'shop/shop-gateway', 'mesh']), mesh)).toEqual(
      [],
    );
  });

  it('flags a missing gateway and suggests the ones that exist (IST0101)', () => {
    const found = checkGatewayNotFound(vs(['shop-gw']), meshOf([gateway]));
    expect(found).toEqual([
      {
        code: 'IST0101',
        severity: 'error',
        message: expect.stringContaining("Gateway 'shop/shop-gw' does not exist") as string,
        path: 'spec.gateways[0]',
      },
    ]);
    expect(found[0]?.message).toContain('one of: shop/shop-gateway');
  });

  it('checks gateways named in route matches', () => {
    const obj = istio('VirtualService', 'shop', 'x', {
      hosts: ['a'],
      http: [{ match: [{ gateways: ['istio-system/missing'] }], route: [] }],
    });
    expect(checkGatewayNotFound(obj, meshOf([gateway]))[0]?.path).toBe(
      'spec.http[0].match[0].gateways[0]',
    );
  });
});
