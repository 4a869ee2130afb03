import { describe, expect, it } from 'vitest';
import { istio, meshOf } from '@/lib/mesh/testing/mesh';
import type { IstioObject } from '@/lib/mesh/types';
import { checkIngressSubsetRouting } from './ingress-subset-routing';

const vs = (namespace: string, name: string, spec: Record<string, unknown>) =>
  istio('VirtualService', namespace, name, spec);
const routeTo = (host: string, subset?: string) => ({
  route: [{ destination: { host, ...(subset && { subset }) } }],
});
const ratingsBySubset = vs('default', 'ratings-01', {
  hosts: ['ratings'],
  http: [routeTo('ratings', 'v1')],
});
const atGateway = (dest: Record<string, unknown>, gateways = ['istio-system/gw']) =>
  vs('default', 'ingress', { hosts: ['testing-01.com'], gateways, http: [dest] });
const check = (obj: IstioObject, others: IstioObject[] = [ratingsBySubset]) =>
  checkIngressSubsetRouting(obj, meshOf([obj, ...others]));

describe('checkIngressSubsetRouting (IST0140)', () => {
  it('warns when a gateway VirtualService sends to a host another routes by subset, at the destination', () => {
    const found = check(atGateway(routeTo('ratings')));
    expect(found).toMatchObject([
      { code: 'IST0140', severity: 'warning', path: 'spec.http[0].route[0].destination' },
    ]);
    expect(found[0]?.message).toContain('default/ratings-01');
  });

  it('reads short names and FQDNs alike', () => {
    expect(check(atGateway(routeTo('ratings.default.svc.cluster.local')))).toHaveLength(1);
  });

  it('accepts a destination with a subset, a mesh-only or sidecar VirtualService, or a host in another namespace', () => {
    expect(check(atGateway(routeTo('ratings', 'v1')))).toEqual([]);
    expect(check(atGateway(routeTo('ratings'), ['mesh']))).toEqual([]);
    expect(check(vs('default', 'x', { hosts: ['a'], http: [routeTo('ratings')] }))).toEqual([]);
    expect(check(atGateway(routeTo('ratings.other.svc.cluster.local')))).toEqual([]);
  });

  it('counts only subsets a VirtualService picks for its own host', () => {
    const elsewhere = vs('default', 'proxy', {
      hosts: ['front'],
      http: [routeTo('ratings', 'v1')],
    });
    expect(check(atGateway(routeTo('ratings')), [elsewhere])).toEqual([]);
  });
});
