import type { CheckCase } from './types';

/**
 * One crafted object per routing check, for the demo mesh (namespaces bookinfo, shop, travel and
 * istio-system, whose ingress gateway pods are labelled istio=ingressgateway).
 */
export const CASES: readonly CheckCase[] = [
  {
    code: 'IST0130',
    resource: { kind: 'VirtualService', namespace: 'bookinfo', name: 'ratings-two-catch-alls' },
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings-two-catch-alls
  namespace: bookinfo
spec:
  hosts:
  - ratings
  http:
  - route:
    - destination:
        host: ratings
  - match:
    - headers:
        end-user:
          exact: jason
    route:
    - destination:
        host: ratings
`,
  },
  {
    code: 'IST0131',
    resource: { kind: 'VirtualService', namespace: 'bookinfo', name: 'details-duplicate-match' },
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: details-duplicate-match
  namespace: bookinfo
spec:
  hosts:
  - details
  http:
  - match:
    - uri:
        prefix: /details
    route:
    - destination:
        host: details
  - match:
    - uri:
        prefix: /details
    - uri:
        prefix: /health
    route:
    - destination:
        host: details
`,
  },
  {
    code: 'IST0128',
    resource: { kind: 'DestinationRule', namespace: 'bookinfo', name: 'ratings-simple-tls' },
    yaml: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ratings-simple-tls
  namespace: bookinfo
spec:
  host: ratings
  trafficPolicy:
    tls:
      mode: SIMPLE
`,
  },
  {
    code: 'IST0129',
    resource: { kind: 'DestinationRule', namespace: 'bookinfo', name: 'details-port-tls' },
    yaml: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: details-port-tls
  namespace: bookinfo
spec:
  host: details
  trafficPolicy:
    portLevelSettings:
    - port:
        number: 9080
      tls:
        mode: MUTUAL
        clientCertificate: /etc/certs/client.pem
        privateKey: /etc/certs/key.pem
`,
  },
  {
    code: 'IST0134',
    resource: { kind: 'ServiceEntry', namespace: 'travel', name: 'external-db' },
    yaml: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: external-db
  namespace: travel
spec:
  hosts:
  - db.example.com
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
  - number: 5432
    name: tcp-postgres
    protocol: TCP
`,
  },
  {
    code: 'IST0149',
    resource: { kind: 'VirtualService', namespace: 'bookinfo', name: 'claims-at-ingress' },
    alongside: [
      `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: claims-gateway
  namespace: bookinfo
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 8080
      name: http
      protocol: HTTP
    hosts:
    - claims.example.com
`,
    ],
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: claims-at-ingress
  namespace: bookinfo
spec:
  hosts:
  - claims.example.com
  gateways:
  - claims-gateway
  http:
  - match:
    - headers:
        "@request.auth.claims.groups":
          exact: admin
    route:
    - destination:
        host: productpage
        port:
          number: 9080
`,
  },
  {
    code: 'IST0002',
    resource: { kind: 'VirtualService', namespace: 'bookinfo', name: 'ratings-delay-percent' },
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings-delay-percent
  namespace: bookinfo
spec:
  hosts:
  - ratings
  http:
  - fault:
      delay:
        percent: 50
        fixedDelay: 2s
    route:
    - destination:
        host: ratings
`,
  },
];
