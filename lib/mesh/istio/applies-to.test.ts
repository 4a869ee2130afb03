import { describe, expect, it } from 'vitest';
import { istio, service, workload } from '@/lib/mesh/testing/mesh';
import type { Inventory } from '@/lib/mesh/types';
import { configAppliesTo, configSubject, type ConfigSubject } from './applies-to';

const ROOT = 'istio-system';

const inventory: Inventory = {
  namespaces: [],
  services: [
    service('bookinfo', 'reviews'),
    service('bookinfo', 'ratings'),
    service('shop', 'reviews'),
  ],
  workloads: [
    workload('bookinfo', 'reviews-v1', { app: 'reviews', version: 'v1' }),
    workload('bookinfo', 'reviews-v2', { app: 'reviews', version: 'v2' }),
    workload('bookinfo', 'ratings-v1', { app: 'ratings', version: 'v1' }),
    workload('istio-system', 'istio-ingressgateway', { istio: 'ingressgateway' }),
  ],
  pods: [],
};

const REVIEWS = 'reviews.bookinfo.svc.cluster.local';
const reviewsV2: ConfigSubject = {
  namespace: 'bookinfo',
  workloads: [{ app: 'reviews', version: 'v2' }],
  hosts: [REVIEWS],
};

const names = (xs: readonly { kind: string; namespace: string; name: string; via: string }[]) =>
  xs.map((x) => `${x.kind} ${x.namespace}/${x.name} ${x.via}`);

describe('configSubject', () => {
  it('reads a workload, an app and a service from the inventory', () => {
    expect(
      configSubject({ kind: 'workload', namespace: 'bookinfo', name: 'reviews-v2' }, inventory),
    ).toEqual(reviewsV2);
    expect(
      configSubject({ kind: 'app', namespace: 'bookinfo', app: 'reviews' }, inventory),
    ).toEqual({
      namespace: 'bookinfo',
      workloads: [
        { app: 'reviews', version: 'v1' },
        { app: 'reviews', version: 'v2' },
      ],
      hosts: [REVIEWS],
    });
    expect(
      configSubject({ kind: 'service', namespace: 'bookinfo', name: 'reviews' }, inventory)
        ?.workloads,
    ).toHaveLength(2);
  });

  it('is undefined for what the inventory does not hold', () => {
    expect(
      configSubject({ kind: 'workload', namespace: 'bookinfo', name: 'nope' }, inventory),
    ).toBe(undefined);
    expect(configSubject({ kind: 'service', namespace: 'shop', name: 'ratings' }, inventory)).toBe(
      undefined,
    );
  });
});

describe('configAppliesTo', () => {
  it('finds routing objects by host, short or long, and by route destination', () => {
    const objects = [
      istio('VirtualService', 'bookinfo', 'reviews', {
        hosts: ['reviews'],
        http: [{ route: [{ destination: { host: 'reviews', subset: 'v2' } }] }],
      }),
      istio('VirtualService', 'bookinfo', 'front', {
        hosts: ['*'],
        gateways: ['bookinfo-gateway'],
        http: [{ route: [{ destination: { host: 'reviews.bookinfo.svc.cluster.local' } }] }],
      }),
      istio('VirtualService', 'shop', 'reviews', { hosts: ['reviews'] }),
      istio('DestinationRule', 'bookinfo', 'reviews', { host: 'reviews' }),
      istio('DestinationRule', ROOT, 'all-local', { host: '*.local' }),
      istio('DestinationRule', 'bookinfo', 'ratings', { host: 'ratings' }),
      istio('ServiceEntry', 'bookinfo', 'alias', { hosts: [REVIEWS] }),
      istio('Gateway', 'bookinfo', 'bookinfo-gateway', { selector: { istio: 'ingressgateway' } }),
      istio('Gateway', 'bookinfo', 'other-gateway', { selector: { istio: 'egressgateway' } }),
    ];
    expect(names(configAppliesTo(reviewsV2, objects, ROOT))).toEqual([
      'VirtualService bookinfo/front route',
      'VirtualService bookinfo/reviews host',
      'DestinationRule bookinfo/reviews host',
      'DestinationRule istio-system/all-local host',
      'Gateway bookinfo/bookinfo-gateway gateway',
      'ServiceEntry bookinfo/alias host',
    ]);
  });

  it('finds policies by selector in the namespace, namespace-wide and mesh-wide', () => {
    const objects = [
      istio('PeerAuthentication', ROOT, 'mesh', { mtls: { mode: 'STRICT' } }),
      istio('PeerAuthentication', ROOT, 'root-selector', {
        selector: { matchLabels: { app: 'reviews' } },
        mtls: { mode: 'DISABLE' },
      }),
      istio('PeerAuthentication', 'bookinfo', 'ns', { mtls: { mode: 'PERMISSIVE' } }),
      istio('PeerAuthentication', 'bookinfo', 'v2-only', {
        selector: { matchLabels: { version: 'v2' } },
      }),
      istio('PeerAuthentication', 'bookinfo', 'v1-only', {
        selector: { matchLabels: { version: 'v1' } },
      }),
      istio('PeerAuthentication', 'shop', 'other-ns', {}),
      istio('AuthorizationPolicy', ROOT, 'deny-all-mesh', { action: 'DENY', rules: [{}] }),
      istio('AuthorizationPolicy', ROOT, 'root-selects', {
        selector: { matchLabels: { app: 'reviews' } },
      }),
      istio('AuthorizationPolicy', 'bookinfo', 'reviews-viewer', {
        selector: { matchLabels: { app: 'reviews' } },
        rules: [{}],
      }),
      istio('AuthorizationPolicy', 'bookinfo', 'ratings-viewer', {
        selector: { matchLabels: { app: 'ratings' } },
      }),
      istio('AuthorizationPolicy', 'shop', 'elsewhere', {}),
    ];
    expect(names(configAppliesTo(reviewsV2, objects, ROOT))).toEqual([
      'PeerAuthentication bookinfo/ns namespace',
      'PeerAuthentication bookinfo/v2-only selector',
      'PeerAuthentication istio-system/mesh mesh',
      'AuthorizationPolicy bookinfo/reviews-viewer selector',
      'AuthorizationPolicy istio-system/deny-all-mesh mesh',
      'AuthorizationPolicy istio-system/root-selects selector',
    ]);
  });

  it('lists a Gateway whose selector picks the subject pods, in any namespace', () => {
    const gateway: ConfigSubject = {
      namespace: ROOT,
      workloads: [{ istio: 'ingressgateway' }],
      hosts: [],
    };
    const objects = [
      istio('Gateway', 'bookinfo', 'bookinfo-gateway', { selector: { istio: 'ingressgateway' } }),
      istio('Gateway', 'bookinfo', 'no-selector', {}),
    ];
    expect(names(configAppliesTo(gateway, objects, ROOT))).toEqual([
      'Gateway bookinfo/bookinfo-gateway selector',
    ]);
  });
});

describe('ambient: Gateway API routes and the waypoint', () => {
  const waypoint = { namespace: 'travel', name: 'waypoint' };
  const travel: Inventory = {
    namespaces: [],
    services: [
      service('travel', 'flights', { app: 'flights' }),
      service('travel', 'flights-v1', { app: 'flights', version: 'v1' }),
      service('travel', 'flights-v2', { app: 'flights', version: 'v2' }),
      service('travel', 'web', { app: 'web' }),
      { ...service('travel', 'hotels-db'), labels: { 'istio.io/use-waypoint': 'none' } },
      { ...service('travel', 'hotels'), labels: { 'istio.io/use-waypoint': 'hotels-waypoint' } },
    ],
    workloads: [
      {
        ...workload('travel', 'flights-v1', { app: 'flights', version: 'v1' }),
        dataPlane: { mode: 'ambient', waypoint },
      },
      {
        ...workload('travel', 'flights-v2', { app: 'flights', version: 'v2' }),
        dataPlane: { mode: 'ambient', waypoint },
      },
      {
        ...workload('travel', 'web', { app: 'web', version: 'v1' }),
        dataPlane: { mode: 'ambient', waypoint },
      },
    ],
    pods: [],
  };
  const objects = [
    istio('HTTPRoute', 'travel', 'flights', {
      parentRefs: [{ group: '', kind: 'Service', name: 'flights', port: 8080 }],
      rules: [
        {
          backendRefs: [
            { name: 'flights-v1', port: 8080, weight: 90 },
            { name: 'flights-v2', port: 8080, weight: 10 },
          ],
        },
      ],
    }),
    istio('HTTPRoute', 'istio-system', 'travel-ingress', {
      parentRefs: [{ name: 'travel-gateway' }],
      rules: [{ backendRefs: [{ name: 'web', namespace: 'travel', port: 8080 }] }],
    }),
    istio('GRPCRoute', 'travel', 'flights-grpc', {
      parentRefs: [{ name: 'waypoint' }],
      rules: [{ backendRefs: [{ name: 'flights-v2', port: 8080 }] }],
    }),
    istio('K8sGateway', 'travel', 'waypoint', { gatewayClassName: 'istio-waypoint' }),
    istio('K8sGateway', 'travel', 'hotels-waypoint', { gatewayClassName: 'istio-waypoint' }),
    istio('K8sGateway', 'istio-system', 'travel-gateway', { gatewayClassName: 'istio' }),
  ];
  const applied = (ref: Parameters<typeof configSubject>[0]) => {
    const subject = configSubject(ref, travel);
    return subject ? names(configAppliesTo(subject, objects, ROOT)) : [];
  };

  it('lists the GAMMA route of a service and the waypoint serving it', () => {
    expect(applied({ kind: 'service', namespace: 'travel', name: 'flights' })).toEqual([
      'K8sGateway travel/waypoint waypoint',
      'HTTPRoute travel/flights parent',
    ]);
  });

  it('lists routes that send traffic to a service as a backend, from another namespace too', () => {
    expect(applied({ kind: 'service', namespace: 'travel', name: 'flights-v2' })).toEqual([
      'K8sGateway travel/waypoint waypoint',
      'HTTPRoute travel/flights backend',
      'GRPCRoute travel/flights-grpc backend',
    ]);
    expect(applied({ kind: 'service', namespace: 'travel', name: 'web' })).toContain(
      'HTTPRoute istio-system/travel-ingress backend',
    );
  });

  it('lists for a workload the routes whose backends select it and routes of its services', () => {
    expect(applied({ kind: 'workload', namespace: 'travel', name: 'flights-v1' })).toEqual([
      'K8sGateway travel/waypoint waypoint',
      'HTTPRoute travel/flights parent',
    ]);
    expect(applied({ kind: 'workload', namespace: 'travel', name: 'web' })).toEqual([
      'K8sGateway travel/waypoint waypoint',
      'HTTPRoute istio-system/travel-ingress backend',
    ]);
  });

  it('takes the waypoint of a service from its own use-waypoint label first', () => {
    expect(applied({ kind: 'service', namespace: 'travel', name: 'hotels-db' })).toEqual([]);
    expect(applied({ kind: 'service', namespace: 'travel', name: 'hotels' })).toEqual([
      'K8sGateway travel/hotels-waypoint waypoint',
    ]);
  });

  it('lists no waypoint for a workload without one', () => {
    expect(
      configSubject({ kind: 'workload', namespace: 'bookinfo', name: 'reviews-v2' }, inventory),
    ).not.toHaveProperty('waypoints');
  });
});
