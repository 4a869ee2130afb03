import type { ScenarioBuilder } from './builder.js';
import {
  destinationRule,
  gateway,
  istioObject,
  peerAuthentication,
  versionSubsets,
  virtualService,
} from './istio-objects.js';
import { INGRESS } from './istio-system.js';
import { serviceHost, type WorkloadBehaviour } from './topology.js';

const NS = 'bookinfo';
const IMAGE = (name: string): string =>
  `registry.istio.io/release/examples-bookinfo-${name}:1.20.3`;

/** Bookinfo as istio 1.30.3 ships it (samples/bookinfo/platform/kube/bookinfo.yaml + networking/). */
export function addBookinfo(b: ScenarioBuilder): void {
  b.namespace(NS, true);
  const workload = (app: string, version: string, behaviour: WorkloadBehaviour): void =>
    b.workload(
      {
        namespace: NS,
        name: `${app}-${version}`,
        app,
        version,
        serviceAccount: `bookinfo-${app}`,
        replicas: 1,
        sidecar: true,
        containerPorts: [9080],
        image: IMAGE(`${app}-${version}`),
      },
      behaviour,
    );
  for (const app of ['details', 'ratings', 'reviews', 'productpage']) {
    b.service(NS, app, [{ name: 'http', port: 9080 }], { app });
  }
  workload('details', 'v1', { latency: { medianMs: 2, p95Ms: 8 }, responseBytes: 360 });
  workload('ratings', 'v1', { latency: { medianMs: 2, p95Ms: 9 }, responseBytes: 230 });
  workload('reviews', 'v1', { latency: { medianMs: 6, p95Ms: 25 }, responseBytes: 620 });
  workload('reviews', 'v2', { latency: { medianMs: 9, p95Ms: 40 }, responseBytes: 700 });
  workload('reviews', 'v3', { latency: { medianMs: 11, p95Ms: 55 }, responseBytes: 700 });
  workload('productpage', 'v1', { latency: { medianMs: 22, p95Ms: 90 }, responseBytes: 5500 });

  b.add(
    gateway(NS, 'bookinfo-gateway', ['*']),
    virtualService(NS, 'bookinfo', {
      hosts: ['*'],
      gateways: ['bookinfo-gateway'],
      http: [
        {
          match: [
            { uri: { exact: '/productpage' } },
            { uri: { prefix: '/static' } },
            { uri: { exact: '/login' } },
            { uri: { exact: '/logout' } },
            { uri: { prefix: '/api/v1/products' } },
          ],
          route: [{ destination: { host: 'productpage', port: { number: 9080 } } }],
        },
      ],
    }),
    virtualService(NS, 'reviews', {
      hosts: ['reviews'],
      http: [
        {
          route: [
            { destination: { host: 'reviews', subset: 'v1' }, weight: 80 },
            { destination: { host: 'reviews', subset: 'v2' }, weight: 10 },
            { destination: { host: 'reviews', subset: 'v3' }, weight: 10 },
          ],
        },
      ],
    }),
    // samples/bookinfo/networking/virtual-service-ratings-test-abort.yaml: jason's requests fail.
    virtualService(NS, 'ratings', {
      hosts: ['ratings'],
      http: [
        {
          match: [{ headers: { 'end-user': { exact: 'jason' } } }],
          fault: { abort: { percentage: { value: 100.0 }, httpStatus: 500 } },
          route: [{ destination: { host: 'ratings', subset: 'v1' } }],
        },
        { route: [{ destination: { host: 'ratings', subset: 'v1' } }] },
      ],
    }),
    destinationRule(NS, 'productpage', { host: 'productpage', subsets: versionSubsets(['v1']) }),
    destinationRule(NS, 'reviews', {
      host: 'reviews',
      subsets: versionSubsets(['v1', 'v2', 'v3']),
    }),
    // destination-rule-all.yaml also names ratings v2, v2-mysql, v2-mysql-vm and details v2, which
    // this demo does not run: subsets that select no pod are an error to istioctl (IST0173).
    destinationRule(NS, 'ratings', { host: 'ratings', subsets: versionSubsets(['v1']) }),
    destinationRule(NS, 'details', { host: 'details', subsets: versionSubsets(['v1']) }),
    peerAuthentication(NS, 'default', 'STRICT'),
    // Istio's JWT sample (security/tools/jwt/samples): tokens are checked when present; a request
    // without one still passes, as no AuthorizationPolicy requires a principal.
    istioObject('RequestAuthentication', NS, 'productpage-jwt', {
      selector: { matchLabels: { app: 'productpage' } },
      jwtRules: [
        {
          issuer: 'testing@secure.istio.io',
          jwksUri:
            'https://raw.githubusercontent.com/istio/istio/release-1.30/security/tools/jwt/samples/jwks.json',
        },
      ],
    }),
    istioObject('ProxyConfig', NS, 'reviews-proxy', {
      selector: { matchLabels: { app: 'reviews' } },
      concurrency: 2,
    }),
  );

  const productpage = { namespace: NS, name: 'productpage-v1' };
  b.call({
    from: INGRESS,
    host: serviceHost('productpage', NS),
    port: 9080,
    protocol: 'http',
    rps: 12,
    method: 'GET',
    path: '/productpage',
    classShares: [0.95, 0.05],
  });
  b.call({
    from: productpage,
    host: serviceHost('details', NS),
    port: 9080,
    protocol: 'http',
    perRequest: 1,
    method: 'GET',
    path: '/details/0',
  });
  b.call({
    from: productpage,
    host: serviceHost('reviews', NS),
    port: 9080,
    protocol: 'http',
    perRequest: 1,
    method: 'GET',
    path: '/reviews/0',
  });
  for (const version of ['v2', 'v3']) {
    b.call({
      from: { namespace: NS, name: `reviews-${version}` },
      host: serviceHost('ratings', NS),
      port: 9080,
      protocol: 'http',
      perRequest: 1,
      method: 'GET',
      path: '/ratings/0',
    });
  }
}
