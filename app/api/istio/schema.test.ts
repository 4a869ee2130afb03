import { describe, expect, it } from 'vitest';
import { InvalidError } from '@/lib/errors';
import {
  isAppliedQuery,
  parseAppliedQuery,
  parseDeleteQuery,
  parseListQuery,
  parseNamespaceParam,
  parseObjectParams,
} from './schema';

describe('/api/istio input schemas', () => {
  it('reads namespaces and kinds, accepting plurals and kind names', () => {
    expect(
      parseListQuery(new URLSearchParams('namespaces=shop,bookinfo&kind=virtualservices,Gateway')),
    ).toEqual({
      namespaces: ['shop', 'bookinfo'],
      kind: ['VirtualService', 'Gateway'],
    });
    expect(parseListQuery(new URLSearchParams(''))).toEqual({});
  });

  it('reads one workload, app or service to list what applies to it', () => {
    const q = (s: string) => parseAppliedQuery(new URLSearchParams(s));
    expect(isAppliedQuery(new URLSearchParams('namespaces=shop'))).toBe(false);
    expect(isAppliedQuery(new URLSearchParams('workload=bookinfo/reviews-v2'))).toBe(true);
    expect(q('workload=bookinfo/reviews-v2')).toEqual({
      kind: 'workload',
      namespace: 'bookinfo',
      name: 'reviews-v2',
    });
    expect(q('app=shop/Front_End.web')).toEqual({
      kind: 'app',
      namespace: 'shop',
      app: 'Front_End.web',
    });
    expect(q('service=bookinfo/reviews')).toEqual({
      kind: 'service',
      namespace: 'bookinfo',
      name: 'reviews',
    });
    for (const bad of [
      'workload=reviews-v2',
      'service=Bookinfo/reviews',
      'app=shop/-x',
      'workload=a/b&service=a/b',
      'workload=a/b&namespaces=a',
    ])
      expect(() => q(bad), bad).toThrow(InvalidError);
  });

  it('refuses unknown kinds and names that are not DNS-1123', () => {
    expect(() => parseObjectParams({ namespace: 'shop', kind: 'pods', name: 'x' })).toThrow(
      InvalidError,
    );
    expect(() => parseObjectParams({ namespace: 'Shop', kind: 'gateways', name: 'x' })).toThrow(
      InvalidError,
    );
    expect(() => parseObjectParams({ namespace: 'shop', kind: 'gateways', name: 'a_b' })).toThrow(
      InvalidError,
    );
    expect(
      parseObjectParams({ namespace: 'shop', kind: 'virtualservices', name: 'checkout.v1' }),
    ).toEqual({
      namespace: 'shop',
      kind: 'VirtualService',
      name: 'checkout.v1',
    });
  });

  it('reads _cluster as no namespace, for a GatewayClass only, and tells the two Gateways apart', () => {
    expect(
      parseObjectParams({ namespace: '_cluster', kind: 'gatewayclasses', name: 'istio' }),
    ).toEqual({
      namespace: '',
      kind: 'GatewayClass',
      name: 'istio',
    });
    expect(() =>
      parseObjectParams({ namespace: '_cluster', kind: 'httproutes', name: 'x' }),
    ).toThrow(InvalidError);
    expect(() =>
      parseObjectParams({ namespace: 'travel', kind: 'gatewayclasses', name: 'x' }),
    ).toThrow(InvalidError);
    expect(
      parseObjectParams({ namespace: 'travel', kind: 'k8sgateways', name: 'waypoint' }).kind,
    ).toBe('K8sGateway');
    expect(
      parseObjectParams({ namespace: 'travel', kind: 'gateways', name: 'waypoint' }).kind,
    ).toBe('Gateway');
    expect(parseNamespaceParam({ namespace: '_cluster' })).toBe('');
    expect(parseNamespaceParam({ namespace: 'travel' })).toBe('travel');
  });

  it('requires the resourceVersion on delete', () => {
    expect(() => parseDeleteQuery(new URLSearchParams(''))).toThrow(InvalidError);
    expect(parseDeleteQuery(new URLSearchParams('resourceVersion=12&dryRun=true'))).toEqual({
      resourceVersion: '12',
      dryRun: true,
    });
  });
});
