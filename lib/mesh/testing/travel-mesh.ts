import type { InventoryService, InventoryWorkload, IstioObject } from '@/lib/mesh/types';
import type { MeshConfig } from '../validations/types';

/** The demo's travel namespace and its Gateway API objects, as the demo contract names them. */
const GW = 'gateway.networking.k8s.io/v1';

export function gatewayApi(
  kind: IstioObject['kind'],
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
  status?: Record<string, unknown>,
): IstioObject {
  return {
    kind,
    apiVersion: GW,
    namespace,
    name,
    resourceVersion: '1',
    labels: {},
    spec,
    ...(status && { status }),
  };
}

const ok = (type: string, reason: string) => ({ type, status: 'True', reason, message: '' });

/** `status.parents` as istiod writes it for a route accepted by `parentRef`. */
export function acceptedBy(parentRef: Record<string, unknown>): Record<string, unknown> {
  return {
    parents: [
      {
        parentRef,
        controllerName: 'istio.io/gateway-controller',
        conditions: [ok('Accepted', 'Accepted'), ok('ResolvedRefs', 'ResolvedRefs')],
      },
    ],
  };
}

const WAYPOINT = { namespace: 'travel', name: 'waypoint' };

function ambient(name: string, app: string, version: string, waypoint = true): InventoryWorkload {
  return {
    namespace: 'travel',
    name,
    kind: 'Deployment',
    labels: { app, version },
    annotations: {},
    app,
    version,
    desiredReplicas: 1,
    readyReplicas: 1,
    hasSidecar: false,
    dataPlane: { mode: 'ambient', ...(waypoint && { waypoint: WAYPOINT }) },
  };
}

function svc(name: string, selector: Record<string, string>, port = 8080): InventoryService {
  return { namespace: 'travel', name, selector, ports: [{ port, protocol: 'TCP' }] };
}

const flightsParent = { group: '', kind: 'Service', name: 'flights', port: 8080 };
const ingressParent = { name: 'travel-gateway', namespace: 'istio-system' };

export const TRAVEL_OBJECTS: readonly IstioObject[] = [
  gatewayApi('GatewayClass', '', 'istio', { controllerName: 'istio.io/gateway-controller' }),
  gatewayApi('GatewayClass', '', 'istio-waypoint', { controllerName: 'istio.io/mesh-controller' }),
  gatewayApi('K8sGateway', 'travel', 'waypoint', {
    gatewayClassName: 'istio-waypoint',
    listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
  }),
  gatewayApi('K8sGateway', 'istio-system', 'travel-gateway', {
    gatewayClassName: 'istio',
    listeners: [
      {
        name: 'http',
        port: 80,
        protocol: 'HTTP',
        hostname: 'travel.example.com',
        allowedRoutes: { namespaces: { from: 'All' } },
      },
    ],
  }),
  gatewayApi(
    'HTTPRoute',
    'travel',
    'flights',
    {
      parentRefs: [flightsParent],
      rules: [
        {
          backendRefs: [
            { name: 'flights-v1', port: 8080, weight: 90 },
            { name: 'flights-v2', port: 8080, weight: 10 },
          ],
        },
      ],
    },
    acceptedBy(flightsParent),
  ),
  gatewayApi(
    'HTTPRoute',
    'istio-system',
    'travel-ingress',
    {
      parentRefs: [ingressParent],
      hostnames: ['travel.example.com'],
      rules: [{ backendRefs: [{ name: 'web', namespace: 'travel', port: 8080 }] }],
    },
    acceptedBy(ingressParent),
  ),
  gatewayApi('ReferenceGrant', 'travel', 'allow-ingress-routes', {
    from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'istio-system' }],
    to: [{ group: '', kind: 'Service' }],
  }),
];

/** The demo's travel namespace (ambient, namespace waypoint) beside a sidecar namespace, shop. */
export function travelMesh(objects: readonly IstioObject[] = TRAVEL_OBJECTS): MeshConfig {
  return {
    objects,
    inventory: {
      namespaces: [
        {
          name: 'travel',
          labels: { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' },
          annotations: {},
        },
        { name: 'shop', labels: { 'istio-injection': 'enabled' }, annotations: {} },
        { name: 'istio-system', labels: {}, annotations: {} },
      ],
      services: [
        svc('web', { app: 'web' }),
        svc('flights', { app: 'flights' }),
        svc('flights-v1', { app: 'flights', version: 'v1' }),
        svc('flights-v2', { app: 'flights', version: 'v2' }),
        svc('hotels', { app: 'hotels' }),
        svc('hotels-db', { app: 'hotels-db' }, 5432),
        svc('waypoint', { 'gateway.networking.k8s.io/gateway-name': 'waypoint' }, 15008),
        {
          namespace: 'shop',
          name: 'cart',
          selector: { app: 'cart' },
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ],
      workloads: [
        ambient('web', 'web', 'v1'),
        ambient('flights-v1', 'flights', 'v1'),
        ambient('flights-v2', 'flights', 'v2'),
        ambient('hotels', 'hotels', 'v1'),
        ambient('hotels-db', 'hotels-db', 'v1', false),
        {
          namespace: 'shop',
          name: 'cart',
          kind: 'Deployment',
          labels: { app: 'cart' },
          annotations: {},
          app: 'cart',
          desiredReplicas: 1,
          readyReplicas: 1,
          hasSidecar: true,
          dataPlane: { mode: 'sidecar' },
        },
      ],
      pods: [],
    },
  };
}
