import { describe, expect, it } from 'vitest';
import { checkConflictingHosts } from './conflicting-hosts';
import { istio, meshOf } from '../testing/mesh';

const reviews = istio('VirtualService', 'bookinfo', 'reviews', { hosts: ['reviews'] });
const canary = istio('VirtualService', 'bookinfo', 'reviews-canary', {
  hosts: ['reviews.bookinfo.svc.cluster.local'],
});
const atGateway = istio('VirtualService', 'bookinfo', 'edge', {
  hosts: ['reviews'],
  gateways: ['bookinfo-gateway'],
});

describe('checkConflictingHosts', () => {
  it('passes one VirtualService per host, and a gateway-only one beside a mesh one', () => {
    const mesh = meshOf([reviews, atGateway]);
    expect(checkConflictingHosts(reviews, mesh)).toEqual([]);
    expect(checkConflictingHosts(atGateway, mesh)).toEqual([]);
  });

  it('flags two mesh VirtualServices claiming the same host, short name or FQDN (IST0109)', () => {
    const mesh = meshOf([reviews, canary]);
    expect(checkConflictingHosts(reviews, mesh)).toEqual([
      {
        code: 'IST0109',
        severity: 'error',
        message: expect.stringContaining(
          "VirtualService 'bookinfo/reviews-canary' also routes reviews.bookinfo",
        ) as string,
        path: 'spec.hosts[0]',
      },
    ]);
    expect(checkConflictingHosts(canary, mesh)).toHaveLength(1);
  });
});
