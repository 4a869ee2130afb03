import type { ScenarioBuilder } from './builder.js';
import {
  GATEWAY_API_GROUP,
  GATEWAY_CONTROLLER,
  MESH_CONTROLLER,
  gatewayClass,
  httpRoute,
  k8sGateway,
  referenceGrant,
  tcpRoute,
} from './gateway-api-objects.js';
import { PROXY_IMAGE } from './core-objects.js';
import { serviceHost, type WorkloadBehaviour, type WorkloadRef } from './topology.js';

export const TRAVEL_NS = 'travel';
export const TRAVEL_HOST = 'travel.example.com';
export const TRAVEL_GATEWAY = { namespace: 'istio-system', name: 'travel-gateway-istio' } as const;
const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

/**
 * The "travel" namespace in ambient mode, as Istio 1.30 runs it: ztunnel captures every pod (no
 * sidecars), a namespace waypoint serves the services at L7, an HTTPRoute (GAMMA, parentRef the
 * Service) splits flights 90/10 between its versions, hotels-db is reached at L4 only (its Service
 * opts out of the waypoint), and the Gateway API ingress `travel-gateway` routes
 * travel.example.com to web across namespaces thanks to a ReferenceGrant.
 */
export function addTravel(b: ScenarioBuilder): void {
  b.labelledNamespace(TRAVEL_NS, {
    'istio.io/dataplane-mode': 'ambient',
    'istio.io/use-waypoint': 'waypoint',
  });
  b.add(
    gatewayClass('istio', GATEWAY_CONTROLLER, 'The default Istio GatewayClass'),
    gatewayClass('istio-waypoint', MESH_CONTROLLER, 'The default Istio waypoint GatewayClass'),
  );
  addWaypoint(b);
  addIngress(b);

  const workload = (
    app: string,
    version: string,
    port: number,
    behaviour: WorkloadBehaviour,
  ): WorkloadRef => {
    const name = app === 'flights' ? `${app}-${version}` : app;
    b.workload(
      {
        namespace: TRAVEL_NS,
        name,
        app,
        version,
        serviceAccount: app,
        replicas: 1,
        sidecar: false,
        ambient: true,
        containerPorts: [port],
        image: `ghcr.io/meshlens-demo/travel-${app}:2.1.0`,
      },
      behaviour,
    );
    return { namespace: TRAVEL_NS, name };
  };
  const web = workload('web', 'v1', 8080, {
    latency: { medianMs: 18, p95Ms: 70 },
    responseBytes: 9_000,
  });
  workload('flights', 'v1', 8080, { latency: { medianMs: 9, p95Ms: 35 }, responseBytes: 2_400 });
  workload('flights', 'v2', 8080, {
    latency: { medianMs: 12, p95Ms: 50 },
    responseBytes: 2_600,
    errorRate: 0.02,
    errorStatus: 503,
  });
  const hotels = workload('hotels', 'v1', 8080, {
    latency: { medianMs: 11, p95Ms: 45 },
    responseBytes: 3_100,
  });
  workload('hotels-db', 'v1', 5432, { latency: { medianMs: 2, p95Ms: 8 }, responseBytes: 900 });

  const http = [{ name: 'http', port: 8080 }];
  b.service(TRAVEL_NS, 'web', http, { app: 'web' });
  b.service(TRAVEL_NS, 'flights', http, { app: 'flights' });
  b.service(TRAVEL_NS, 'flights-v1', http, { app: 'flights', version: 'v1' });
  b.service(TRAVEL_NS, 'flights-v2', http, { app: 'flights', version: 'v2' });
  b.service(TRAVEL_NS, 'hotels', http, { app: 'hotels' });
  b.service(
    TRAVEL_NS,
    'hotels-db',
    [{ name: 'tcp-postgres', port: 5432 }],
    { app: 'hotels-db' },
    undefined,
    { 'istio.io/use-waypoint': 'none' },
  );

  b.add(
    httpRoute(
      TRAVEL_NS,
      'flights',
      {
        parentRefs: [{ group: '', kind: 'Service', name: 'flights', port: 8080 }],
        rules: [
          {
            backendRefs: [
              { name: 'flights-v1', port: 8080, weight: 90 },
              { name: 'flights-v2', port: 8080, weight: 10 },
            ],
          },
        ],
      },
      GATEWAY_CONTROLLER,
    ),
    tcpRoute(TRAVEL_NS, 'hotels-db', {
      parentRefs: [{ group: '', kind: 'Service', name: 'hotels-db', port: 5432 }],
      rules: [{ backendRefs: [{ name: 'hotels-db', port: 5432 }] }],
    }),
  );

  b.call({
    from: web,
    host: serviceHost('flights', TRAVEL_NS),
    port: 8080,
    protocol: 'http',
    perRequest: 1,
    method: 'GET',
    path: '/api/flights',
  });
  b.call({
    from: web,
    host: serviceHost('hotels', TRAVEL_NS),
    port: 8080,
    protocol: 'http',
    perRequest: 0.5,
    method: 'GET',
    path: '/api/hotels',
  });
  b.call({
    from: hotels,
    host: serviceHost('hotels-db', TRAVEL_NS),
    port: 5432,
    protocol: 'tcp',
    perRequest: 2,
    method: 'POST',
    path: '',
    requestBytes: 250,
  });
}

/** The namespace waypoint as `istioctl waypoint apply -n travel` creates it, with what istiod deploys. */
function addWaypoint(b: ScenarioBuilder): void {
  const selector = { [GATEWAY_NAME_LABEL]: 'waypoint' };
  addProxy(b, TRAVEL_NS, 'waypoint', 'waypoint', 'istio.io-mesh-controller', [15008], {
    latency: { medianMs: 0.3, p95Ms: 1 },
    responseBytes: 200,
  });
  const address = b.service(
    TRAVEL_NS,
    'waypoint',
    [
      { name: 'status-port', port: 15021, appProtocol: 'tcp' },
      { name: 'mesh', port: 15008, appProtocol: 'all' },
    ],
    selector,
    undefined,
    { ...selector, 'gateway.istio.io/managed': 'istio.io-mesh-controller' },
  );
  b.add(
    k8sGateway(
      TRAVEL_NS,
      'waypoint',
      'istio-waypoint',
      [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
      { labels: { 'istio.io/waypoint-for': 'service' }, address },
    ),
  );
}

/** A Gateway API ingress (class istio): istiod deploys travel-gateway-istio for it. */
function addIngress(b: ScenarioBuilder): void {
  const ns = TRAVEL_GATEWAY.namespace;
  const selector = { [GATEWAY_NAME_LABEL]: 'travel-gateway' };
  addProxy(b, ns, TRAVEL_GATEWAY.name, 'travel-gateway', 'istio.io-gateway-controller', [80], {
    latency: { medianMs: 1, p95Ms: 3 },
    responseBytes: 9_000,
  });
  const address = b.service(
    ns,
    TRAVEL_GATEWAY.name,
    [
      { name: 'status-port', port: 15021, appProtocol: 'tcp' },
      { name: 'http', port: 80 },
    ],
    selector,
    'LoadBalancer',
    { ...selector, 'gateway.istio.io/managed': 'istio.io-gateway-controller' },
  );
  b.add(
    k8sGateway(
      ns,
      'travel-gateway',
      'istio',
      [
        {
          name: 'http',
          port: 80,
          protocol: 'HTTP',
          hostname: TRAVEL_HOST,
          allowedRoutes: { namespaces: { from: 'All' } },
        },
      ],
      { address, attachedRoutes: 1 },
    ),
    httpRoute(
      ns,
      'travel-ingress',
      {
        parentRefs: [{ group: GATEWAY_API_GROUP, kind: 'Gateway', name: 'travel-gateway' }],
        hostnames: [TRAVEL_HOST],
        rules: [
          {
            matches: [{ path: { type: 'PathPrefix', value: '/' } }],
            backendRefs: [{ name: 'web', namespace: TRAVEL_NS, port: 8080 }],
          },
        ],
      },
      GATEWAY_CONTROLLER,
    ),
    referenceGrant(
      TRAVEL_NS,
      'allow-ingress-routes',
      [{ group: GATEWAY_API_GROUP, kind: 'HTTPRoute', namespace: ns }],
      [{ group: '', kind: 'Service' }],
    ),
  );
  // Browsers reach the gateway's load balancer; the gateway routes travel.example.com to web.
  b.call({
    from: 'outside',
    host: serviceHost(TRAVEL_GATEWAY.name, ns),
    port: 80,
    protocol: 'http',
    rps: 10,
    method: 'GET',
    path: '/',
  });
  b.call({
    from: TRAVEL_GATEWAY,
    host: TRAVEL_HOST,
    port: 80,
    protocol: 'http',
    rps: 10,
    method: 'GET',
    path: '/',
  });
}

/** An Envoy istiod deploys for a Gateway (waypoint or ingress): not captured by ztunnel itself. */
function addProxy(
  b: ScenarioBuilder,
  namespace: string,
  name: string,
  gatewayName: string,
  managedBy: string,
  ports: readonly number[],
  behaviour: WorkloadBehaviour,
): void {
  b.workload(
    {
      namespace,
      name,
      app: name,
      serviceAccount: name,
      replicas: 1,
      sidecar: false,
      gateway: true,
      containerPorts: [...ports, 15020, 15021, 15090],
      image: PROXY_IMAGE,
      extraLabels: {
        [GATEWAY_NAME_LABEL]: gatewayName,
        'gateway.istio.io/managed': managedBy,
        'istio.io/dataplane-mode': 'none',
      },
    },
    behaviour,
  );
}
