import { describe, expect, it } from 'vitest';
import { checkDestinationHost } from './destination-host';
import { istio, meshOf, service } from '../testing/mesh';

const route = (host: string): ReturnType<typeof istio> =>
  istio('VirtualService', 'shop', 'r', {
    hosts: ['x'],
    http: [{ route: [{ destination: { host } }] }],
  });
const stripe = istio('ServiceEntry', 'shop', 'stripe', { hosts: ['api.stripe.example'] });
const wildcard = istio('ServiceEntry', 'shop', 'any-google', { hosts: ['*.googleapis.com'] });
const mesh = meshOf([stripe, wildcard], [service('shop', 'cart'), service('bookinfo', 'reviews')]);

describe('checkDestinationHost', () => {
  it('resolves short names in the object’s namespace, FQDNs anywhere, and ServiceEntry hosts', () => {
    for (const host of [
      'cart',
      'reviews.bookinfo.svc.cluster.local',
      'api.stripe.example',
      'storage.googleapis.com',
    ])
      expect(checkDestinationHost(route(host), mesh), host).toEqual([]);
  });

  it('flags a host nothing provides, explaining how a short name was read', () => {
    const found = checkDestinationHost(route('reviews'), mesh);
    expect(found).toEqual([
      {
        code: 'IST0101',
        severity: 'error',
        message: expect.stringContaining(
          "host 'reviews' matches no service or ServiceEntry visible from shop (a short name, read as reviews.shop",
        ) as string,
        path: 'spec.http[0].route[0].destination.host',
      },
    ]);
  });

  it('checks the port a destination names, and asks for one when the host has several', () => {
    const twoPorts = {
      ...service('shop', 'api'),
      ports: [
        { port: 80, protocol: 'TCP' },
        { port: 443, protocol: 'TCP' },
      ],
    };
    const withApi = meshOf([], [twoPorts]);
    const to = (destination: Record<string, unknown>): ReturnType<typeof istio> =>
      istio('VirtualService', 'shop', 'api', {
        hosts: ['api'],
        http: [{ route: [{ destination }] }],
      });
    expect(checkDestinationHost(to({ host: 'api', port: { number: 80 } }), withApi)).toEqual([]);
    expect(checkDestinationHost(to({ host: 'api', port: { number: 8080 } }), withApi)).toEqual([
      expect.objectContaining({
        code: 'IST0101',
        path: 'spec.http[0].route[0].destination.port.number',
      }),
    ]);
    expect(checkDestinationHost(to({ host: 'api' }), withApi)).toEqual([
      expect.objectContaining({ code: 'IST0112', severity: 'error' }),
    ]);
  });
});
