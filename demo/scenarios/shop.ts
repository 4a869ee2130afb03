import type { ScenarioBuilder } from './builder.js';
import {
  authorizationPolicy,
  destinationRule,
  gateway,
  istioObject,
  peerAuthentication,
  serviceEntry,
  versionSubsets,
  virtualService,
} from './istio-objects.js';
import { secret } from './core-objects.js';
import { INGRESS } from './istio-system.js';
import { serviceHost, type WorkloadBehaviour, type WorkloadRef } from './topology.js';

const NS = 'shop';
export const STRIPE_HOST = 'api.stripe.example';

/**
 * The "shop" namespace: the problems a dashboard must surface. catalog fails ~5% (one bad pod),
 * payments is slow and speaks gRPC, postgres is plain TCP, legacy-batch has no sidecar (plaintext
 * edges), checkout's VirtualService sends 10% to a subset nobody defines, payments calls an external
 * API through a ServiceEntry. PERMISSIVE mTLS, so the plaintext caller still gets through.
 * AuthorizationPolicies: payments admits only checkout's identity, so frontend's direct calls get
 * Envoy's RBAC 403; catalog admits GET on /api/products*, which metrics cannot check (no paths).
 */
export function addShop(b: ScenarioBuilder): void {
  b.namespace(NS, true);
  const workload = (
    app: string,
    behaviour: WorkloadBehaviour,
    opts: { port: number; replicas?: number; sidecar?: boolean; version?: string | null },
  ): WorkloadRef => {
    const version = opts.version === null ? undefined : (opts.version ?? 'v1');
    const name = version ? `${app}-${version}` : app;
    b.workload(
      {
        namespace: NS,
        name,
        app,
        version,
        serviceAccount: app,
        replicas: opts.replicas ?? 1,
        sidecar: opts.sidecar ?? true,
        containerPorts: [opts.port],
        image: `ghcr.io/meshlens-demo/${app}:1.4.2`,
      },
      behaviour,
    );
    return { namespace: NS, name };
  };
  const frontend = workload(
    'frontend',
    { latency: { medianMs: 25, p95Ms: 120 }, responseBytes: 12_000 },
    { port: 8080, replicas: 2 },
  );
  const catalog = workload(
    'catalog',
    {
      latency: { medianMs: 12, p95Ms: 60 },
      responseBytes: 4_200,
      errorRate: 0.05,
      errorStatus: 503,
      errorPods: [0],
    },
    { port: 8080, replicas: 2 },
  );
  workload('cart', { latency: { medianMs: 6, p95Ms: 25 }, responseBytes: 900 }, { port: 8080 });
  const checkout = workload(
    'checkout',
    { latency: { medianMs: 40, p95Ms: 200 }, responseBytes: 1_100 },
    { port: 8080 },
  );
  const payments = workload(
    'payments',
    {
      latency: { medianMs: 280, p95Ms: 800 },
      responseBytes: 420,
      errorRate: 0.02,
      grpcErrorStatus: 13,
    },
    { port: 50051 },
  );
  workload(
    'postgres',
    { latency: { medianMs: 2, p95Ms: 10 }, responseBytes: 2_000 },
    { port: 5432, version: null },
  );
  const legacy = workload(
    'legacy-batch',
    { latency: { medianMs: 50, p95Ms: 200 }, responseBytes: 300 },
    { port: 8080, sidecar: false, version: null },
  );
  b.behaviours[STRIPE_HOST] = { latency: { medianMs: 180, p95Ms: 450 }, responseBytes: 1_500 };

  for (const app of ['frontend', 'catalog', 'cart', 'checkout'])
    b.service(NS, app, [{ name: 'http', port: 8080 }], { app });
  b.service(NS, 'payments', [{ name: 'grpc', port: 50051 }], { app: 'payments' });
  b.service(NS, 'postgres', [{ name: 'tcp-postgres', port: 5432 }], { app: 'postgres' });

  b.add(
    gateway(NS, 'shop-gateway', ['shop.example.com']),
    virtualService(NS, 'shop', {
      hosts: ['shop.example.com'],
      gateways: ['shop-gateway'],
      http: [{ route: [{ destination: { host: 'frontend', port: { number: 8080 } } }] }],
    }),
    // Retries off so catalog's 5% surfaces on the caller side; raise attempts to watch Envoy absorb it.
    virtualService(NS, 'catalog', {
      hosts: ['catalog'],
      http: [
        { route: [{ destination: { host: 'catalog', subset: 'v1' } }], retries: { attempts: 0 } },
      ],
    }),
    destinationRule(NS, 'catalog', { host: 'catalog', subsets: versionSubsets(['v1']) }),
    // v2 is not defined by the DestinationRule below: 10% of checkout traffic fails with 503 NC.
    virtualService(NS, 'checkout', {
      hosts: ['checkout'],
      http: [
        {
          route: [
            { destination: { host: 'checkout', subset: 'v1' }, weight: 90 },
            { destination: { host: 'checkout', subset: 'v2' }, weight: 10 },
          ],
        },
      ],
    }),
    destinationRule(NS, 'checkout', { host: 'checkout', subsets: versionSubsets(['v1']) }),
    serviceEntry(NS, 'stripe', {
      hosts: [STRIPE_HOST],
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
      ports: [
        { number: 80, name: 'http-tls-origination', protocol: 'HTTP', targetPort: 443 },
        { number: 443, name: 'https', protocol: 'HTTPS' },
      ],
    }),
    // TLS origination (istio.io "Egress TLS Origination"): the app speaks HTTP, the sidecar HTTPS,
    // verifying the server against the proxy image's CA bundle.
    destinationRule(NS, 'stripe', {
      host: STRIPE_HOST,
      trafficPolicy: {
        portLevelSettings: [
          {
            port: { number: 80 },
            tls: {
              mode: 'SIMPLE',
              caCertificates: '/etc/ssl/certs/ca-certificates.crt',
              sni: STRIPE_HOST,
            },
          },
        ],
      },
    }),
    peerAuthentication(NS, 'default', 'PERMISSIVE'),
    // The shop's proxies learn only what it calls: its own services and ServiceEntries, the
    // control plane, and travel (the frontend suggests hotels).
    istioObject('Sidecar', NS, 'default', {
      egress: [{ hosts: ['./*', 'istio-system/*', 'travel/*'] }],
    }),
    secret(NS, 'postgres-credentials', 'Opaque', { username: 'shop', password: 'demo-only' }),
    secret(NS, 'stripe-api-key', 'Opaque', { 'api-key': 'sk_demo_placeholder' }),
    authorizationPolicy(NS, 'payments-from-checkout', {
      selector: { matchLabels: { app: 'payments' } },
      action: 'ALLOW',
      rules: [{ from: [{ source: { principals: ['cluster.local/ns/shop/sa/checkout'] } }] }],
    }),
    authorizationPolicy(NS, 'catalog-read-only', {
      selector: { matchLabels: { app: 'catalog' } },
      action: 'ALLOW',
      rules: [{ to: [{ operation: { methods: ['GET'], paths: ['/api/products*'] } }] }],
    }),
  );

  const host = (name: string): string => serviceHost(name, NS);
  b.call({
    from: INGRESS,
    host: host('frontend'),
    port: 8080,
    protocol: 'http',
    rps: 8,
    method: 'GET',
    path: '/',
  });
  b.call({
    from: frontend,
    host: host('catalog'),
    port: 8080,
    protocol: 'http',
    perRequest: 2,
    method: 'GET',
    path: '/api/products',
  });
  b.call({
    from: frontend,
    host: host('cart'),
    port: 8080,
    protocol: 'http',
    perRequest: 1,
    method: 'GET',
    path: '/api/cart',
  });
  b.call({
    from: frontend,
    host: host('checkout'),
    port: 8080,
    protocol: 'http',
    perRequest: 0.1,
    method: 'POST',
    path: '/api/checkout',
  });
  // The saved payment methods, fetched straight from payments' REST path (not gRPC, so Envoy's
  // denial is a plain HTTP 403): payments-from-checkout refuses frontend's identity.
  b.call({
    from: frontend,
    host: host('payments'),
    port: 50051,
    protocol: 'http',
    perRequest: 0.05,
    method: 'GET',
    path: '/v1/payment-methods',
  });
  b.call({
    from: checkout,
    host: host('cart'),
    port: 8080,
    protocol: 'http',
    perRequest: 1,
    method: 'GET',
    path: '/api/cart',
  });
  b.call({
    from: checkout,
    host: host('payments'),
    port: 50051,
    protocol: 'grpc',
    perRequest: 1,
    method: 'POST',
    path: '/payments.v1.Payments/Charge',
  });
  b.call({
    from: checkout,
    host: host('postgres'),
    port: 5432,
    protocol: 'tcp',
    perRequest: 3,
    method: 'POST',
    path: '',
    requestBytes: 300,
  });
  b.call({
    from: catalog,
    host: host('postgres'),
    port: 5432,
    protocol: 'tcp',
    perRequest: 1,
    method: 'POST',
    path: '',
    requestBytes: 200,
  });
  b.call({
    from: payments,
    host: STRIPE_HOST,
    port: 80,
    protocol: 'http',
    perRequest: 1,
    method: 'POST',
    path: '/v1/charges',
  });
  b.call({
    from: legacy,
    host: host('catalog'),
    port: 8080,
    protocol: 'http',
    rps: 1,
    method: 'GET',
    path: '/api/products?all=1',
  });
  // Refused by bookinfo's STRICT mTLS: invisible in Istio metrics until bookinfo turns PERMISSIVE.
  b.call({
    from: legacy,
    host: serviceHost('ratings', 'bookinfo'),
    port: 9080,
    protocol: 'http',
    rps: 0.5,
    method: 'GET',
    path: '/ratings/0',
  });
}
