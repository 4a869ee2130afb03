import type { CheckCase } from './types';

/**
 * The Service, annotation, Deployment, EnvoyFilter and Telemetry checks, each fired by one crafted
 * object against the demo mesh: bookinfo (Bookinfo's pods, app=productpage among them) and shop are
 * labelled istio-injection=enabled, and the demo's mesh config sets no default access-logging provider.
 */
const service = (
  name: string,
  ports: string,
  annotations = '',
  type = 'ClusterIP',
) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
${annotations}spec:
  type: ${type}
  selector:
    app: ${name}
  ports:
${ports}`;

const annotatedPod = (name: string, annotations: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
  labels:
    app: ${name}
  annotations:
${annotations}
spec:
  containers:
  - name: app
    image: docker.io/kennethreitz/httpbin`;

const deployment = (name: string, objectAnnotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: bookinfo
${objectAnnotations}spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: docker.io/kennethreitz/httpbin`;

const bookinfoService = (name: string, app: string, port: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: bookinfo
spec:
  selector:
    app: ${app}
  ports:
${port}`;

const envoyFilter = (name: string, patches: string) => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: ${name}
  namespace: bookinfo
spec:
  workloadSelector:
    labels:
      app: reviews
  configPatches:
${patches}`;

const LUA_PATCH = (operation: string, proxyVersion = '') => `  - applyTo: HTTP_FILTER
    match:
      context: SIDECAR_INBOUND
${proxyVersion}      listener:
        filterChain:
          filter:
            name: envoy.filters.network.http_connection_manager
            subFilter:
              name: envoy.filters.http.router
    patch:
      operation: ${operation}
      value:
        name: lens.lua
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
          inlineCode: "function envoy_on_request(h) end"`;

const telemetry = (name: string, spec: string) => `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: ${name}
  namespace: bookinfo
spec:
${spec}`;

const selecting = (app: string) => `  selector:
    matchLabels:
      app: ${app}
  metrics:
  - providers:
    - name: prometheus`;

const NAMESPACE_WIDE = `  metrics:
  - providers:
    - name: prometheus`;

export const CASES: readonly CheckCase[] = [
  {
    code: 'IST0118',
    yaml: service('lens-unnamed-port', '  - name: web\n    port: 8080\n    protocol: TCP'),
    resource: { kind: 'Service', namespace: 'shop', name: 'lens-unnamed-port' },
  },
  {
    code: 'IST0150',
    yaml: service(
      'lens-external',
      '  - name: tcp\n    port: 443\n    protocol: TCP',
      '',
      'ExternalName',
    ),
    resource: { kind: 'Service', namespace: 'shop', name: 'lens-external' },
  },
  {
    code: 'IST0108',
    yaml: service(
      'lens-unknown-annotation',
      '  - name: http\n    port: 8080\n    protocol: TCP',
      '  annotations:\n    networking.istio.io/exportThree: bar\n',
    ),
    resource: { kind: 'Service', namespace: 'shop', name: 'lens-unknown-annotation' },
  },
  {
    code: 'IST0107',
    yaml: annotatedPod('lens-misplaced', '    kubernetes.io/ingress.class: istio'),
    resource: { kind: 'Pod', namespace: 'shop', name: 'lens-misplaced' },
  },
  {
    code: 'IST0135',
    yaml: annotatedPod(
      'lens-deprecated',
      '    sidecar.istio.io/statsInclusionPrefixes: cluster.outbound',
    ),
    resource: { kind: 'Pod', namespace: 'shop', name: 'lens-deprecated' },
  },
  {
    code: 'IST0125',
    yaml: annotatedPod(
      'lens-invalid',
      '    readiness.status.sidecar.istio.io/initialDelaySeconds: bar',
    ),
    resource: { kind: 'Pod', namespace: 'shop', name: 'lens-invalid' },
  },
  {
    code: 'IST0116',
    yaml: deployment('lens-two-protocols'),
    alongside: [
      bookinfoService(
        'lens-two-protocols-tcp',
        'lens-two-protocols',
        '  - port: 9080\n    protocol: TCP',
      ),
      bookinfoService(
        'lens-two-protocols-udp',
        'lens-two-protocols',
        '  - port: 9080\n    protocol: UDP',
      ),
    ],
    resource: { kind: 'Deployment', namespace: 'bookinfo', name: 'lens-two-protocols' },
  },
  {
    code: 'IST0137',
    yaml: deployment('lens-target-port'),
    alongside: [
      bookinfoService(
        'lens-target-port-a',
        'lens-target-port',
        '  - port: 9080\n    targetPort: 9080',
      ),
      bookinfoService(
        'lens-target-port-b',
        'lens-target-port',
        '  - port: 9090\n    targetPort: 9080',
      ),
    ],
    resource: { kind: 'Deployment', namespace: 'bookinfo', name: 'lens-target-port' },
  },
  {
    code: 'IST0151',
    yaml: envoyFilter('lens-relative', LUA_PATCH('INSERT_BEFORE')),
    resource: { kind: 'EnvoyFilter', namespace: 'bookinfo', name: 'lens-relative' },
  },
  {
    code: 'IST0152',
    yaml: envoyFilter(
      'lens-replace-cluster',
      '  - applyTo: CLUSTER\n    patch:\n      operation: REPLACE\n      value:\n        name: lens-cluster',
    ),
    resource: { kind: 'EnvoyFilter', namespace: 'bookinfo', name: 'lens-replace-cluster' },
  },
  {
    code: 'IST0153',
    yaml: envoyFilter(
      'lens-add-route',
      '  - applyTo: HTTP_ROUTE\n    patch:\n      operation: ADD\n      value:\n        name: lens-route',
    ),
    resource: { kind: 'EnvoyFilter', namespace: 'bookinfo', name: 'lens-add-route' },
  },
  {
    code: 'IST0154',
    yaml: envoyFilter(
      'lens-remove-route',
      '  - applyTo: ROUTE_CONFIGURATION\n    patch:\n      operation: REMOVE',
    ),
    resource: { kind: 'EnvoyFilter', namespace: 'bookinfo', name: 'lens-remove-route' },
  },
  {
    code: 'IST0155',
    yaml: envoyFilter('lens-relative-z', LUA_PATCH('INSERT_AFTER')),
    alongside: [
      envoyFilter(
        'lens-pinned-a',
        LUA_PATCH('INSERT_AFTER', "      proxy:\n        proxyVersion: '^1\\.2.*'\n"),
      ),
    ],
    resource: { kind: 'EnvoyFilter', namespace: 'bookinfo', name: 'lens-relative-z' },
  },
  {
    code: 'IST0101',
    yaml: telemetry('lens-no-pods', selecting('lens-nothing-has-this')),
    resource: { kind: 'Telemetry', namespace: 'bookinfo', name: 'lens-no-pods' },
  },
  {
    code: 'IST0159',
    yaml: telemetry('lens-productpage-a', selecting('productpage')),
    alongside: [telemetry('lens-productpage-b', selecting('productpage'))],
    resource: { kind: 'Telemetry', namespace: 'bookinfo', name: 'lens-productpage-a' },
  },
  {
    code: 'IST0160',
    yaml: telemetry('lens-wide-a', NAMESPACE_WIDE),
    alongside: [telemetry('lens-wide-b', NAMESPACE_WIDE)],
    resource: { kind: 'Telemetry', namespace: 'bookinfo', name: 'lens-wide-a' },
  },
  {
    code: 'IST0157',
    yaml: telemetry(
      'lens-no-provider',
      '  accessLogging:\n  - filter:\n      expression: "response.code >= 400"',
    ),
    resource: { kind: 'Telemetry', namespace: 'bookinfo', name: 'lens-no-provider' },
  },
];
