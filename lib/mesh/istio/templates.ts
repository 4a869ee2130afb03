import { stringify } from 'yaml';
import type { IstioKindName } from './kinds';

const NETWORKING = 'networking.istio.io/v1';
const SECURITY = 'security.istio.io/v1';
const GATEWAY_API = 'gateway.networking.k8s.io/v1';

/** A minimal, schema-valid starting point per kind, in the spirit of istio.io's task examples. */
function template(kind: IstioKindName, namespace: string): Record<string, unknown> {
  const metadata = (name: string): Record<string, string> => ({ name, namespace });
  switch (kind) {
    case 'VirtualService':
      return {
        apiVersion: NETWORKING,
        kind,
        metadata: metadata('my-service'),
        spec: {
          hosts: ['my-service'],
          http: [{ route: [{ destination: { host: 'my-service', subset: 'v1' }, weight: 100 }] }],
        },
      };
    case 'DestinationRule':
      return {
        apiVersion: NETWORKING,
        kind,
        metadata: metadata('my-service'),
        spec: { host: 'my-service', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
      };
    case 'Gateway':
      return {
        apiVersion: NETWORKING,
        kind,
        metadata: metadata('my-gateway'),
        spec: {
          selector: { istio: 'ingressgateway' },
          servers: [
            { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['example.com'] },
          ],
        },
      };
    case 'ServiceEntry':
      return {
        apiVersion: NETWORKING,
        kind,
        metadata: metadata('external-api'),
        spec: {
          hosts: ['api.example.com'],
          location: 'MESH_EXTERNAL',
          resolution: 'DNS',
          ports: [{ number: 443, name: 'https', protocol: 'TLS' }],
        },
      };
    case 'PeerAuthentication':
      return {
        apiVersion: SECURITY,
        kind,
        metadata: metadata('default'),
        spec: { mtls: { mode: 'STRICT' } },
      };
    case 'AuthorizationPolicy':
      return {
        apiVersion: SECURITY,
        kind,
        metadata: metadata('allow-frontend'),
        spec: {
          selector: { matchLabels: { app: 'my-service' } },
          action: 'ALLOW',
          rules: [
            { from: [{ source: { principals: [`cluster.local/ns/${namespace}/sa/frontend`] } }] },
          ],
        },
      };
    case 'RequestAuthentication':
      return {
        apiVersion: SECURITY,
        kind,
        metadata: metadata('jwt'),
        spec: {
          selector: { matchLabels: { app: 'my-service' } },
          jwtRules: [
            {
              issuer: 'https://issuer.example.com',
              jwksUri: 'https://issuer.example.com/.well-known/jwks.json',
            },
          ],
        },
      };
    case 'Sidecar':
      return {
        apiVersion: NETWORKING,
        kind,
        metadata: metadata('default'),
        spec: { egress: [{ hosts: ['./*', 'istio-system/*'] }] },
      };
    case 'EnvoyFilter':
      return {
        apiVersion: 'networking.istio.io/v1alpha3',
        kind,
        metadata: metadata('buffer-limit'),
        spec: {
          workloadSelector: { labels: { app: 'my-service' } },
          configPatches: [
            {
              applyTo: 'LISTENER',
              match: { context: 'SIDECAR_INBOUND' },
              patch: { operation: 'MERGE', value: { per_connection_buffer_limit_bytes: 1024 } },
            },
          ],
        },
      };
    case 'WorkloadEntry':
      return {
        apiVersion: NETWORKING,
        kind,
        metadata: metadata('vm-1'),
        spec: { address: '10.0.0.10', labels: { app: 'my-service' }, serviceAccount: 'my-service' },
      };
    case 'WorkloadGroup':
      return {
        apiVersion: NETWORKING,
        kind,
        metadata: metadata('vms'),
        spec: {
          metadata: { labels: { app: 'my-service' } },
          template: { serviceAccount: 'my-service' },
        },
      };
    case 'ProxyConfig':
      return {
        apiVersion: 'networking.istio.io/v1beta1',
        kind,
        metadata: metadata('concurrency'),
        spec: { selector: { matchLabels: { app: 'my-service' } }, concurrency: 2 },
      };
    case 'Telemetry':
      return {
        apiVersion: 'telemetry.istio.io/v1',
        kind,
        metadata: metadata('access-logs'),
        spec: { accessLogging: [{ providers: [{ name: 'envoy' }] }] },
      };
    case 'WasmPlugin':
      return {
        apiVersion: 'extensions.istio.io/v1alpha1',
        kind,
        metadata: metadata('basic-auth'),
        spec: {
          selector: { matchLabels: { app: 'my-service' } },
          url: 'oci://ghcr.io/istio-ecosystem/wasm-extensions/basic_auth:1.12.0',
          phase: 'AUTHN',
        },
      };
    case 'K8sGateway':
      return {
        apiVersion: GATEWAY_API,
        kind: 'Gateway',
        metadata: metadata('my-gateway'),
        spec: {
          gatewayClassName: 'istio',
          listeners: [{ name: 'http', port: 80, protocol: 'HTTP', hostname: 'example.com' }],
        },
      };
    case 'GatewayClass':
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata: { name: 'my-class' },
        spec: { controllerName: 'istio.io/gateway-controller' },
      };
    case 'HTTPRoute':
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata: metadata('my-service'),
        spec: {
          parentRefs: [{ group: '', kind: 'Service', name: 'my-service', port: 8080 }],
          rules: [
            {
              backendRefs: [
                { name: 'my-service-v1', port: 8080, weight: 90 },
                { name: 'my-service-v2', port: 8080, weight: 10 },
              ],
            },
          ],
        },
      };
    case 'GRPCRoute':
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata: metadata('my-grpc-service'),
        spec: {
          parentRefs: [{ group: '', kind: 'Service', name: 'my-grpc-service', port: 9090 }],
          rules: [{ backendRefs: [{ name: 'my-grpc-service', port: 9090 }] }],
        },
      };
    case 'ReferenceGrant':
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata: metadata('allow-routes'),
        spec: {
          from: [
            { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'istio-ingress' },
          ],
          to: [{ group: '', kind: 'Service' }],
        },
      };
  }
}

export function templateYaml(kind: IstioKindName, namespace: string): string {
  return stringify(template(kind, namespace));
}
