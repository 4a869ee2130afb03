/**
 * One crafted object per gateway check, for the live demo: istio-system runs the ingress gateway (pods
 * `istio: ingressgateway`, Service istio-ingressgateway on 15021, 80→8080, 443→8443), bookinfo has
 * bookinfo-gateway (port 8080, host `*`), travel has its waypoint (pods labelled
 * `gateway.networking.k8s.io/gateway-name: waypoint`).
 */
import type { CheckCase } from './types';

const gateway = (
  namespace: string,
  name: string,
  selector: string,
  server: string,
) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    ${selector}
  servers:
${server}`;

const https = (host: string, credentialName: string) => `  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - ${host}
    tls:
      mode: SIMPLE
      credentialName: ${credentialName}`;

const http = (port: number, host: string) => `  - port:
      number: ${port}
      name: http
      protocol: HTTP
    hosts:
    - "${host}"`;

const INGRESS = 'istio: ingressgateway';

export const CASES: readonly CheckCase[] = [
  {
    code: 'IST0101',
    yaml: gateway(
      'travel',
      'orphan-gateway',
      'istio: no-such-gateway',
      http(8080, 'orphan.example.com'),
    ),
    resource: { kind: 'Gateway', namespace: 'travel', name: 'orphan-gateway' },
  },
  {
    code: 'IST0162',
    yaml: gateway('bookinfo', 'extra-port-gateway', INGRESS, http(8004, 'extra.example.com')),
    resource: { kind: 'Gateway', namespace: 'bookinfo', name: 'extra-port-gateway' },
  },
  {
    code: 'IST0101',
    yaml: gateway(
      'shop',
      'missing-credential-gateway',
      INGRESS,
      https('secure.example.com', 'no-such-credential'),
    ),
    resource: { kind: 'Gateway', namespace: 'shop', name: 'missing-credential-gateway' },
  },
  {
    code: 'IST0161',
    yaml: gateway(
      'shop',
      'pull-secret-gateway',
      INGRESS,
      https('pull.example.com', 'registry-pull'),
    ),
    alongside: [
      `apiVersion: v1
kind: Secret
metadata:
  name: registry-pull
  namespace: istio-system
type: kubernetes.io/dockerconfigjson
data:
  .dockerconfigjson: e30=`,
    ],
    resource: { kind: 'Gateway', namespace: 'shop', name: 'pull-secret-gateway' },
  },
  {
    code: 'IST0145',
    yaml: gateway('bookinfo', 'bookinfo-gateway-copy', INGRESS, http(8080, '*')),
    resource: { kind: 'Gateway', namespace: 'bookinfo', name: 'bookinfo-gateway-copy' },
  },
  {
    code: 'IST0138',
    yaml: gateway(
      'travel',
      'travel-tls-a',
      INGRESS,
      https('a.travel.example.com', 'travel-credential'),
    ),
    alongside: [
      gateway(
        'travel',
        'travel-tls-b',
        INGRESS,
        https('b.travel.example.com', 'travel-credential'),
      ),
    ],
    resource: { kind: 'Gateway', namespace: 'travel', name: 'travel-tls-a' },
  },
  {
    code: 'IST0166',
    yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: waypoint-by-selector
  namespace: travel
spec:
  selector:
    matchLabels:
      gateway.networking.k8s.io/gateway-name: waypoint
  action: DENY
  rules:
  - to:
    - operation:
        paths: ["/admin"]`,
    resource: {
      kind: 'AuthorizationPolicy',
      namespace: 'travel',
      name: 'waypoint-by-selector',
    },
  },
];
