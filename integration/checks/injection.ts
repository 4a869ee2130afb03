import type { CheckCase } from './types';

/**
 * The injection and Sidecar checks, each fired by one crafted object against the demo mesh: bookinfo
 * and shop are labelled istio-injection=enabled, travel is ambient, and the injector ConfigMap
 * (istio-system/istio-sidecar-injector) injects docker.io/istio/proxyv2:1.28.0.
 */
const sidecar = (
  namespace: string,
  name: string,
  spec: string,
) => `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
${spec}`;

const namespace = (name: string, labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
${labels}`;

const pod = (namespace: string, name: string, containers: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
    app: ${name}
  annotations:
    example.com/purpose: meshlens-check
spec:
  containers:
${containers}`;

const APP = `  - name: app
    image: docker.io/kennethreitz/httpbin`;

const ALL_HOSTS = `  egress:
  - hosts:
    - "./*"`;

const selecting = (app: string) => `  workloadSelector:
    labels:
      app: ${app}
${ALL_HOSTS}`;

const proxied = (image: string) => `${APP}
  - name: istio-proxy
    image: ${image}`;

export const CASES: readonly CheckCase[] = [
  {
    code: 'IST0102',
    yaml: namespace('lens-plain', ''),
    resource: { kind: 'Namespace', namespace: '', name: 'lens-plain' },
  },
  {
    code: 'IST0148',
    yaml: namespace('lens-by-default', ''),
    alongside: [
      `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio-sidecar-injector
  namespace: istio-system
data:
  config: "policy: enabled"
  values: '{"global":{"hub":"docker.io/istio","tag":"1.28.0","proxy":{"image":"proxyv2"}},"sidecarInjectorWebhook":{"enableNamespacesByDefault":true}}'`,
    ],
    resource: { kind: 'Namespace', namespace: '', name: 'lens-by-default' },
  },
  {
    code: 'IST0123',
    yaml: namespace(
      'lens-two-labels',
      `  labels:
    istio-injection: enabled
    istio.io/rev: canary`,
    ),
    resource: { kind: 'Namespace', namespace: '', name: 'lens-two-labels' },
  },
  {
    code: 'IST0103',
    yaml: pod('bookinfo', 'lens-no-proxy', APP),
    resource: { kind: 'Pod', namespace: 'bookinfo', name: 'lens-no-proxy' },
  },
  {
    code: 'IST0158',
    yaml: namespace(
      'lens-upgraded',
      `  labels:
    istio-injection: enabled`,
    ),
    alongside: [pod('lens-upgraded', 'lens-old-proxy', proxied('docker.io/istio/proxyv2:1.27.0'))],
    resource: { kind: 'Namespace', namespace: '', name: 'lens-upgraded' },
  },
  {
    code: 'IST0147',
    yaml: pod('shop', 'lens-image-auto', proxied('auto')),
    resource: { kind: 'Pod', namespace: 'shop', name: 'lens-image-auto' },
  },
  {
    code: 'IST0101',
    yaml: sidecar('bookinfo', 'lens-selects-nothing', selecting('no-such-app')),
    resource: { kind: 'Sidecar', namespace: 'bookinfo', name: 'lens-selects-nothing' },
  },
  {
    code: 'IST0110',
    yaml: sidecar('bookinfo', 'lens-productpage-a', selecting('productpage')),
    alongside: [sidecar('bookinfo', 'lens-productpage-b', selecting('productpage'))],
    resource: { kind: 'Sidecar', namespace: 'bookinfo', name: 'lens-productpage-a' },
  },
  {
    code: 'IST0111',
    yaml: sidecar('shop', 'lens-default-a', ALL_HOSTS),
    alongside: [sidecar('shop', 'lens-default-b', ALL_HOSTS)],
    resource: { kind: 'Sidecar', namespace: 'shop', name: 'lens-default-a' },
  },
  {
    code: 'IST0167',
    yaml: sidecar('travel', 'lens-ambient', ALL_HOSTS),
    resource: { kind: 'Sidecar', namespace: 'travel', name: 'lens-ambient' },
  },
  {
    code: 'KIA1004',
    yaml: sidecar(
      'bookinfo',
      'lens-unknown-host',
      `  egress:
  - hosts:
    - "./no-such-service.bookinfo.svc.cluster.local"`,
    ),
    resource: { kind: 'Sidecar', namespace: 'bookinfo', name: 'lens-unknown-host' },
  },
  {
    code: 'KIA1003',
    yaml: sidecar(
      'bookinfo',
      'lens-host-without-namespace',
      `  egress:
  - hosts:
    - "reviews.bookinfo.svc.cluster.local"`,
    ),
    resource: { kind: 'Sidecar', namespace: 'bookinfo', name: 'lens-host-without-namespace' },
  },
  {
    code: 'KIA1006',
    yaml: sidecar('istio-system', 'lens-root-selector', selecting('istio-ingressgateway')),
    resource: { kind: 'Sidecar', namespace: 'istio-system', name: 'lens-root-selector' },
  },
];
