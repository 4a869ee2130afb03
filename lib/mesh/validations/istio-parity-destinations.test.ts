/**
 * Parity with `istioctl analyze` (destination hosts and subsets): the Istio testdata each block mirrors is named in its
 * describe(); how the cases are built is in lib/mesh/testing/istio-parity.ts.
 */
import { describe, expect, it } from 'vitest';
import type { IstioObject } from '@/lib/mesh/types';
import { checkDestinationHost } from './destination-host';
import { checkSubsetNotFound } from './subset-not-found';
import { codes, vsTo, withPorts } from '../testing/istio-parity';
import { istio, meshOf, service } from '../testing/mesh';

describe('virtualservice_destinationhosts.yaml (DestinationHostAnalyzer)', () => {
  const se = (ns: string, name: string, spec: Record<string, unknown>): IstioObject =>
    istio('ServiceEntry', ns, name, spec);
  const mesh = meshOf(
    [
      se('shop', 'payments-api', { hosts: ['pay.example.net'] }),
      se('shop', 'cdn', { hosts: ['*.cdn.example.net'] }),
      // Private to their own namespaces: neither may answer for a VirtualService in `shop`.
      se('sandbox', 'catch-all', { hosts: ['*'], exportTo: ['.'] }),
      se('partners', 'private', { hosts: ['private.example.net'], exportTo: ['.'] }),
      // Exported to `shop` by name from another namespace.
      se('partners', 'shared', { hosts: ['shared.example.net'], exportTo: ['shop'] }),
    ],
    [
      withPorts(service('shop', 'cart'), 8080),
      withPorts(service('shop', 'api'), 80, 443),
      { ...withPorts(service('shop', 'ledger'), 9000), exportTo: ['audit'] },
      { ...withPorts(service('team', 'hello'), 9000), exportTo: ['team-a', 'team-b', '.'] },
    ],
  );
  const check = (vs: IstioObject): string[] => codes([checkDestinationHost], vs, mesh);

  it('passes a short name, an FQDN, a ServiceEntry host and one a wildcard entry covers', () => {
    expect(check(vsTo('shop', 'a', { host: 'cart', subset: 'v1' }))).toEqual([]);
    expect(check(vsTo('shop', 'b', { host: 'cart.shop.svc.cluster.local' }))).toEqual([]);
    expect(check(vsTo('shop', 'c', { host: 'pay.example.net' }))).toEqual([]);
    expect(check(vsTo('shop', 'd', { host: 'img.cdn.example.net' }))).toEqual([]);
    expect(check(vsTo('shop', 'e', { host: '*.cdn.example.net' }))).toEqual([]);
  });

  it('flags a host nothing provides, in a route and in a mirror', () => {
    expect(check(vsTo('shop', 'a', { host: 'cart-typo', subset: 'v1' }))).toEqual(['IST0101']);
    const mirrored = istio('VirtualService', 'shop', 'm', {
      hosts: ['cart'],
      http: [{ route: [{ destination: { host: 'cart' } }], mirror: { host: 'cart-typo' } }],
    });
    expect(check(mirrored)).toEqual(['IST0101']);
  });

  it('does not let a ServiceEntry kept to another namespace answer, even a `*` one', () => {
    expect(check(vsTo('shop', 'a', { host: 'private.example.net' }))).toEqual(['IST0101']);
    expect(check(vsTo('shop', 'b', { host: 'cart-typo' }))).toEqual(['IST0101']);
  });

  it('lets a ServiceEntry exported to this namespace by name answer', () => {
    expect(check(vsTo('shop', 'a', { host: 'shared.example.net' }))).toEqual([]);
  });

  it('checks the destination port: absent from the service, or missing when it has several', () => {
    expect(check(vsTo('shop', 'a', { host: 'cart', port: { number: 9999 } }))).toEqual(['IST0101']);
    expect(check(vsTo('shop', 'b', { host: 'api', subset: 'v1' }))).toEqual(['IST0112']);
    expect(check(vsTo('shop', 'c', { host: 'api', port: { number: 80 } }))).toEqual([]);
  });

  it('passes an FQDN to a service of another namespace', () => {
    expect(check(vsTo('istio-system', 'x', { host: 'cart.shop.svc.cluster.local' }))).toEqual([]);
  });

  it('honours a Service’s exportTo annotation', () => {
    expect(check(vsTo('istio-system', 'a', { host: 'ledger.shop.svc.cluster.local' }))).toEqual([
      'IST0101',
    ]);
    expect(check(vsTo('audit', 'b', { host: 'ledger.shop.svc.cluster.local' }))).toEqual([]);
    for (const ns of ['team-a', 'team-b', 'team'])
      expect(check(vsTo(ns, 'hello', { host: 'hello.team.svc.cluster.local' })), ns).toEqual([]);
  });

  it('looks the host up where the VirtualService is exported to', () => {
    const elsewhere = vsTo(
      'team',
      'hello',
      { host: 'hello.team.svc.cluster.local' },
      {
        exportTo: ['nowhere'],
      },
    );
    expect(check(elsewhere)).toEqual(['IST0101']);
  });
});

describe('virtualservice_destinationrules.yaml (DestinationRuleAnalyzer)', () => {
  const v1 = { subsets: [{ name: 'v1', labels: { version: 'v1' } }] };
  const mesh = meshOf([
    istio('DestinationRule', 'shop', 'cart', { host: 'cart', ...v1 }),
    // Same short host in another namespace: names cart.istio-system, not the shop service.
    istio('DestinationRule', 'istio-system', 'cart', {
      host: 'cart',
      subsets: [{ name: 'v9', labels: { version: 'v9' } }],
    }),
  ]);
  const check = (vs: IstioObject): string[] => codes([checkSubsetNotFound], vs, mesh);

  it('passes a defined subset by short name or FQDN, in a route and a mirror', () => {
    expect(check(vsTo('shop', 'a', { host: 'cart', subset: 'v1' }))).toEqual([]);
    expect(check(vsTo('shop', 'b', { host: 'cart.shop.svc.cluster.local', subset: 'v1' }))).toEqual(
      [],
    );
    const mirrored = istio('VirtualService', 'shop', 'm', {
      hosts: ['cart'],
      http: [
        {
          route: [{ destination: { host: 'cart', subset: 'v1' } }],
          mirror: { host: 'cart', subset: 'v1' },
        },
      ],
    });
    expect(check(mirrored)).toEqual([]);
  });

  it('flags an undefined subset in a route and in a mirror', () => {
    expect(check(vsTo('shop', 'a', { host: 'cart', subset: 'v9' }))).toEqual(['IST0101']);
    const mirrored = istio('VirtualService', 'shop', 'm', {
      hosts: ['cart'],
      http: [
        {
          route: [{ destination: { host: 'cart', subset: 'v1' } }],
          mirror: { host: 'cart', subset: 'nope' },
        },
      ],
    });
    expect(check(mirrored)).toEqual(['IST0101']);
  });
});
