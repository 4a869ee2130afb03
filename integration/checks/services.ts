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

/** A case where `yaml`, stored beside `alongside`, makes the check `code` report on the named object. */
const fires = (
  code: string,
  kind: string,
  namespace: string,
  name: string,
  yaml: string,
  alongside?: readonly string[],
): CheckCase => ({
  code,
  yaml,
  ...(alongside && { alongside }),
  resource: { kind, namespace, name },
});

export const CASES: readonly CheckCase[] = [
  fires(
    'IST0118',
    'Service',
    'shop',
    'lens-unnamed-port',
    service('lens-unnamed-port', '  - name: web\n    port: 8080\n    protocol: TCP'),
  ),
  fires(
    'IST0150',
    'Service',
    'shop',
    'lens-external',
    service('lens-external', '  - name: tcp\n    port: 443\n    protocol: TCP', '', 'ExternalName'),
  ),
  fires(
    'IST0108',
    'Service',
    'shop',
    'lens-unknown-annotation',
    service(
      'lens-unknown-annotation',
      '  - name: http\n    port: 8080\n    protocol: TCP',
      '  annotations:\n    networking.istio.io/exportThree: bar\n',
    ),
  ),
  fires(
    'IST0107',
    'Pod',
    'shop',
    'lens-misplaced',
    annotatedPod('lens-misplaced', '    kubernetes.io/ingress.class: istio'),
  ),
  fires(
    'IST0135',
    'Pod',
    'shop',
    'lens-deprecated',
    annotatedPod(
      'lens-deprecated',
      '    sidecar.istio.io/statsInclusionPrefixes: cluster.outbound',
    ),
  ),
  fires(
    'IST0125',
    'Pod',
    'shop',
    'lens-invalid',
    annotatedPod('lens-invalid', '    readiness.status.sidecar.istio.io/initialDelaySeconds: bar'),
  ),
  fires(
    'IST0116',
    'Deployment',
    'bookinfo',
    'lens-two-protocols',
    deployment('lens-two-protocols'),
    [
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
  ),
  fires('IST0137', 'Deployment', 'bookinfo', 'lens-target-port', deployment('lens-target-port'), [
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
  ]),
  fires(
    'IST0151',
    'EnvoyFilter',
    'bookinfo',
    // Named to come before lens-pinned-a (below): istioctl reads EnvoyFilters by name, and a relative
    // patch after one pinned to a proxyVersion is IST0155 instead.
    'lens-a-relative',
    envoyFilter('lens-a-relative', LUA_PATCH('INSERT_BEFORE')),
  ),
  fires(
    'IST0152',
    'EnvoyFilter',
    'bookinfo',
    'lens-replace-cluster',
    envoyFilter(
      'lens-replace-cluster',
      '  - applyTo: CLUSTER\n    patch:\n      operation: REPLACE\n      value:\n        name: lens-cluster',
    ),
  ),
  fires(
    'IST0153',
    'EnvoyFilter',
    'bookinfo',
    'lens-add-route',
    envoyFilter(
      'lens-add-route',
      '  - applyTo: HTTP_ROUTE\n    patch:\n      operation: ADD\n      value:\n        name: lens-route',
    ),
  ),
  fires(
    'IST0154',
    'EnvoyFilter',
    'bookinfo',
    'lens-remove-route',
    envoyFilter(
      'lens-remove-route',
      '  - applyTo: ROUTE_CONFIGURATION\n    patch:\n      operation: REMOVE',
    ),
  ),
  fires(
    'IST0155',
    'EnvoyFilter',
    'bookinfo',
    'lens-relative-z',
    envoyFilter('lens-relative-z', LUA_PATCH('INSERT_AFTER')),
    [
      envoyFilter(
        'lens-pinned-a',
        LUA_PATCH('INSERT_AFTER', "      proxy:\n        proxyVersion: '^1\\.2.*'\n"),
      ),
    ],
  ),
  fires(
    'IST0101',
    'Telemetry',
    'bookinfo',
    'lens-no-pods',
    telemetry('lens-no-pods', selecting('lens-nothing-has-this')),
  ),
  fires(
    'IST0159',
    'Telemetry',
    'bookinfo',
    'lens-productpage-a',
    telemetry('lens-productpage-a', selecting('productpage')),
    [telemetry('lens-productpage-b', selecting('productpage'))],
  ),
  fires(
    'IST0160',
    'Telemetry',
    'bookinfo',
    'lens-wide-a',
    telemetry('lens-wide-a', NAMESPACE_WIDE),
    [telemetry('lens-wide-b', NAMESPACE_WIDE)],
  ),
  fires(
    'IST0157',
    'Telemetry',
    'bookinfo',
    'lens-no-provider',
    telemetry(
      'lens-no-provider',
      '  accessLogging:\n  - filter:\n      expression: "response.code >= 400"',
    ),
  ),
];
