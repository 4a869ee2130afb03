import type * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readFixture } from '@/lib/testing/fixtures';
import type { InformerSet } from './informers';
import { getIstioObject, listIstioObjects, toIstioObject } from './istio-config';
import type { KubeResource } from './resources';

/** Bookinfo objects as the apiserver would return them: with a namespace and a resourceVersion. */
function bookinfo(file: string, namespace = 'bookinfo'): k8s.KubernetesObject[] {
  return YAML.parseAllDocuments(readFixture(`bookinfo/networking/${file}`))
    .map((doc) => doc.toJS() as k8s.KubernetesObject)
    .filter((o) => o !== null)
    .map((o, i) => ({
      ...o,
      metadata: { ...o.metadata, namespace, resourceVersion: String(100 + i) },
    }));
}

function fakeInformers(
  byResource: Partial<Record<KubeResource, k8s.KubernetesObject[]>>,
): InformerSet {
  return {
    ready: async () => undefined,
    list: (resource) => byResource[resource] ?? [],
    revision: () => 0,
    onChange: () => undefined,
    state: () => ({
      ok: true,
      stale: false,
      resources: {} as ReturnType<InformerSet['state']>['resources'],
    }),
    stop: async () => undefined,
  };
}

describe('toIstioObject', () => {
  it('decodes the bookinfo 80/20 VirtualService', () => {
    const [vs] = bookinfo('virtual-service-reviews-80-20.yaml');
    expect(toIstioObject('VirtualService', vs)).toEqual({
      kind: 'VirtualService',
      apiVersion: 'networking.istio.io/v1',
      namespace: 'bookinfo',
      name: 'reviews',
      resourceVersion: '100',
      labels: {},
      spec: {
        hosts: ['reviews'],
        http: [
          {
            route: [
              { destination: { host: 'reviews', subset: 'v1' }, weight: 80 },
              { destination: { host: 'reviews', subset: 'v2' }, weight: 20 },
            ],
          },
        ],
      },
    });
  });

  it('refuses an object of another kind or without a namespace', () => {
    const [vs] = bookinfo('virtual-service-reviews-80-20.yaml');
    expect(toIstioObject('DestinationRule', vs)).toBeUndefined();
    expect(toIstioObject('VirtualService', { metadata: { name: 'x' } })).toBeUndefined();
  });

  it('fills apiVersion for list items that lack it and defaults a missing spec', () => {
    expect(
      toIstioObject('PeerAuthentication', {
        metadata: { name: 'default', namespace: 'istio-system' },
      }),
    ).toMatchObject({
      apiVersion: 'security.istio.io/v1',
      spec: {},
      resourceVersion: '',
    });
  });
});

describe('listIstioObjects / getIstioObject', () => {
  const informers = fakeInformers({
    virtualservices: [
      ...bookinfo('virtual-service-all-v1.yaml'),
      ...bookinfo('virtual-service-reviews-v3.yaml', 'other'),
    ],
    destinationrules: bookinfo('destination-rule-all.yaml'),
    gateways: bookinfo('bookinfo-gateway.yaml').filter((o) => o.kind === 'Gateway'),
  });

  it('lists every kind in a stable order and filters by namespace', () => {
    const all = listIstioObjects(informers, { namespaces: ['bookinfo'] });
    expect(all.map((o) => `${o.kind}/${o.name}`)).toEqual([
      'DestinationRule/details',
      'DestinationRule/productpage',
      'DestinationRule/ratings',
      'DestinationRule/reviews',
      'Gateway/bookinfo-gateway',
      'VirtualService/details',
      'VirtualService/productpage',
      'VirtualService/ratings',
      'VirtualService/reviews',
    ]);
    expect(listIstioObjects(informers, { namespaces: ['other'] }).map((o) => o.name)).toEqual([
      'reviews',
    ]);
    expect(listIstioObjects(informers, { kinds: ['Gateway'] })).toHaveLength(1);
  });

  it('gets one object by kind, namespace and name', () => {
    expect(getIstioObject(informers, 'VirtualService', 'other', 'reviews')?.spec).toMatchObject({
      http: [{ route: [{ destination: { subset: 'v3' } }] }],
    });
    expect(getIstioObject(informers, 'VirtualService', 'nowhere', 'reviews')).toBeUndefined();
  });
});
