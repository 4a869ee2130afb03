import type { ScenarioBuilder } from './builder.js';
import { PROXY_IMAGE, sidecarInjectorConfigMap, tlsSecret } from './core-objects.js';
import { istioObject, peerAuthentication } from './istio-objects.js';

export const INGRESS = { namespace: 'istio-system', name: 'istio-ingressgateway' } as const;
export const INGRESS_HOST = 'istio-ingressgateway.istio-system.svc.cluster.local';

/**
 * istio-system with the ingress gateway (Envoy as its main container, no sidecar) and istiod, and the
 * mesh-wide PeerAuthentication: PERMISSIVE, which namespaces tighten (bookinfo STRICT) or keep (shop),
 * so the mesh as a whole is only partially on mTLS.
 */
export function addIstioSystem(b: ScenarioBuilder): void {
  b.namespace('istio-system', false);
  b.add(peerAuthentication('istio-system', 'default', 'PERMISSIVE'));
  // istiod's mesh config as its Helm chart renders it (values trimmed): auto mTLS is left at its
  // default, on, and the root namespace is the control plane's.
  b.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'istio', namespace: 'istio-system', labels: { 'istio.io/rev': 'default' } },
    data: {
      mesh: 'defaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\n  tracing: {}\nenablePrometheusMerge: true\nrootNamespace: istio-system\ntrustDomain: cluster.local\n',
      meshNetworks: 'networks: {}',
    },
  });
  b.add(
    sidecarInjectorConfigMap(),
    // Mesh-wide access logs through the envoy provider, which Istio's default mesh config defines.
    istioObject('Telemetry', 'istio-system', 'mesh-default', {
      accessLogging: [{ providers: [{ name: 'envoy' }] }],
    }),
    // A certificate kept ready for an HTTPS server; no Gateway uses it yet.
    tlsSecret('istio-system', 'travel-credential'),
  );
  b.workload({
    namespace: 'istio-system',
    name: 'istiod',
    app: 'istiod',
    serviceAccount: 'istiod',
    replicas: 1,
    sidecar: false,
    containerPorts: [15010, 15012, 15014, 15017],
    image: 'docker.io/istio/pilot:1.30.3',
    extraLabels: { istio: 'pilot' },
  });
  b.service(
    'istio-system',
    'istiod',
    [
      { name: 'grpc-xds', port: 15010 },
      { name: 'https-dns', port: 15012 },
      { name: 'https-webhook', port: 443, targetPort: 15017 },
      { name: 'http-monitoring', port: 15014 },
    ],
    { app: 'istiod', istio: 'pilot' },
    undefined,
    { istio: 'pilot' },
  );
  b.workload(
    {
      namespace: INGRESS.namespace,
      name: INGRESS.name,
      app: 'istio-ingressgateway',
      serviceAccount: 'istio-ingressgateway-service-account',
      replicas: 1,
      sidecar: false,
      gateway: true,
      containerPorts: [8080, 8443, 15090],
      image: PROXY_IMAGE,
      extraLabels: { istio: 'ingressgateway' },
    },
    { latency: { medianMs: 1, p95Ms: 3 }, responseBytes: 5000 },
  );
  b.service(
    INGRESS.namespace,
    INGRESS.name,
    [
      { name: 'status-port', port: 15021, appProtocol: 'tcp' },
      { name: 'http2', port: 80, targetPort: 8080 },
      { name: 'https', port: 443, targetPort: 8443 },
    ],
    { app: 'istio-ingressgateway', istio: 'ingressgateway' },
    'LoadBalancer',
    // The gateway chart labels its Service like its pods: control-plane objects to istioctl analyze.
    { istio: 'ingressgateway' },
  );
}
