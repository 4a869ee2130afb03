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

describe('Gateway API kinds', () => {
  const gatewayClass = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name: 'istio', resourceVersion: '7' },
    spec: { controllerName: 'istio.io/gateway-controller' },
    status: { conditions: [{ type: 'Accepted', status: 'True' }] },
  };
  const k8sGateway = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'waypoint', namespace: 'travel', resourceVersion: '8' },
    spec: { gatewayClassName: 'istio-waypoint', listeners: [] },
  };
  const route = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'flights', namespace: 'travel', resourceVersion: '9' },
    spec: { parentRefs: [{ group: '', kind: 'Service', name: 'flights' }] },
  };
  const informers = fakeInformers({
    gatewayclasses: [gatewayClass],
    k8sgateways: [k8sGateway],
    httproutes: [route],
  });

  it('reads a GatewayClass without a namespace, with its status, as namespace ""', () => {
    expect(toIstioObject('GatewayClass', gatewayClass)).toEqual({
      kind: 'GatewayClass',
      apiVersion: 'gateway.networking.k8s.io/v1',
      namespace: '',
      name: 'istio',
      resourceVersion: '7',
      labels: {},
      spec: { controllerName: 'istio.io/gateway-controller' },
      status: { conditions: [{ type: 'Accepted', status: 'True' }] },
    });
    expect(getIstioObject(informers, 'GatewayClass', '', 'istio')?.name).toBe('istio');
  });

  it('refuses a namespaced kind without a namespace and a GatewayClass with one', () => {
    const noNamespace = {
      name: route.metadata.name,
      resourceVersion: route.metadata.resourceVersion,
    };
    expect(toIstioObject('HTTPRoute', { ...route, metadata: noNamespace })).toBeUndefined();
    expect(
      toIstioObject('GatewayClass', {
        ...gatewayClass,
        metadata: { ...gatewayClass.metadata, namespace: 'travel' },
      }),
    ).toBeUndefined();
  });

  it('takes the wire kind Gateway of the Gateway API for K8sGateway, never for Istio’s Gateway', () => {
    expect(toIstioObject('K8sGateway', k8sGateway)?.kind).toBe('K8sGateway');
    expect(toIstioObject('HTTPRoute', k8sGateway)).toBeUndefined();
  });

  it('lists the Gateway API kinds beside Istio’s and filters by kind', () => {
    expect(listIstioObjects(informers).map((o) => `${o.kind} ${o.namespace}/${o.name}`)).toEqual([
      'GatewayClass /istio',
      'HTTPRoute travel/flights',
      'K8sGateway travel/waypoint',
    ]);
    expect(listIstioObjects(informers, { kinds: ['K8sGateway'] }).map((o) => o.name)).toEqual([
      'waypoint',
    ]);
    expect(listIstioObjects(informers, { kinds: ['Gateway'] })).toEqual([]);
  });
});
