import { stringify } from 'yaml';
import type { CheckCase } from './types';

function manifest(kind: string, namespace: string, name: string, spec: object): string {
  return stringify({
    apiVersion: 'networking.istio.io/v1',
    kind,
    metadata: { name, namespace },
    spec,
  });
}

function crafted(
  code: string,
  kind: string,
  namespace: string,
  name: string,
  spec: object,
  alongside?: readonly string[],
): CheckCase {
  return {
    code,
    yaml: manifest(kind, namespace, name, spec),
    resource: { kind, namespace, name },
    ...(alongside && { alongside }),
  };
}

const to = (host: string) => ({ route: [{ destination: { host } }] });

/**
 * One crafted object per routing check, for the demo mesh (namespaces bookinfo, shop, travel and
 * istio-system, whose ingress gateway pods are labelled istio=ingressgateway).
 */
export const CASES: readonly CheckCase[] = [
  // A rule without a match takes every request, so the rule after it is never used.
  crafted('IST0130', 'VirtualService', 'bookinfo', 'ratings-two-catch-alls', {
    hosts: ['ratings'],
    http: [
      to('ratings'),
      { match: [{ headers: { 'end-user': { exact: 'jason' } } }], ...to('ratings') },
    ],
  }),
  crafted('IST0131', 'VirtualService', 'bookinfo', 'details-duplicate-match', {
    hosts: ['details'],
    http: [
      { match: [{ uri: { prefix: '/details' } }], ...to('details') },
      {
        match: [{ uri: { prefix: '/details' } }, { uri: { prefix: '/health' } }],
        ...to('details'),
      },
    ],
  }),
  crafted('IST0128', 'DestinationRule', 'bookinfo', 'ratings-simple-tls', {
    host: 'ratings',
    trafficPolicy: { tls: { mode: 'SIMPLE' } },
  }),
  crafted('IST0129', 'DestinationRule', 'bookinfo', 'details-port-tls', {
    host: 'details',
    trafficPolicy: {
      portLevelSettings: [
        {
          port: { number: 9080 },
          tls: {
            mode: 'MUTUAL',
            clientCertificate: '/etc/certs/c.pem',
            privateKey: '/etc/certs/k.pem',
          },
        },
      ],
    },
  }),
  crafted('IST0134', 'ServiceEntry', 'travel', 'external-db', {
    hosts: ['db.example.com'],
    location: 'MESH_EXTERNAL',
    resolution: 'DNS',
    ports: [{ number: 5432, name: 'tcp-postgres', protocol: 'TCP' }],
  }),
  // Two ServiceEntries give payments.example:443 different protocols, both visible everywhere.
  crafted(
    'IST0177',
    'ServiceEntry',
    'travel',
    'payments-raw',
    {
      hosts: ['payments.example'],
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
      ports: [{ number: 443, name: 'tls', protocol: 'TLS' }],
    },
    [
      manifest('ServiceEntry', 'shop', 'payments-https', {
        hosts: ['payments.example'],
        location: 'MESH_EXTERNAL',
        resolution: 'DNS',
        ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }],
      }),
    ],
  ),
  crafted(
    'IST0149',
    'VirtualService',
    'bookinfo',
    'claims-at-ingress',
    {
      hosts: ['claims.example.com'],
      gateways: ['claims-gateway'],
      http: [
        {
          match: [{ headers: { '@request.auth.claims.groups': { exact: 'admin' } } }],
          route: [{ destination: { host: 'productpage', port: { number: 9080 } } }],
        },
      ],
    },
    [
      manifest('Gateway', 'bookinfo', 'claims-gateway', {
        selector: { istio: 'ingressgateway' },
        servers: [
          { port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: ['claims.example.com'] },
        ],
      }),
    ],
  ),
  crafted(
    'IST0140',
    'VirtualService',
    'bookinfo',
    'reviews-at-ingress',
    { hosts: ['reviews.example.com'], gateways: ['shop/shop-gateway'], http: [to('reviews')] },
    [
      manifest('VirtualService', 'bookinfo', 'reviews-by-subset', {
        hosts: ['reviews'],
        http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }] }],
      }),
    ],
  ),
  crafted('IST0002', 'VirtualService', 'bookinfo', 'ratings-delay-percent', {
    hosts: ['ratings'],
    http: [{ fault: { delay: { percent: 50, fixedDelay: '2s' } }, ...to('ratings') }],
  }),
];
