import type { KubeObject } from '../kube/types.js';

/**
 * Secrets and the injector's ConfigMap as a cluster running Istio 1.30 has them. Secret data here is
 * placeholder text: the demo never serves it to Meshlens, which reads secrets' names and types only.
 */

function base64(text: string): string {
  return Buffer.from(text).toString('base64');
}

export function secret(
  namespace: string,
  name: string,
  type: string,
  data: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type,
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64(v)])),
  };
}

/** A TLS secret as `kubectl create secret tls` makes it, with placeholder PEM blocks. */
export function tlsSecret(namespace: string, name: string): KubeObject {
  return secret(namespace, name, 'kubernetes.io/tls', {
    'tls.crt': '-----BEGIN CERTIFICATE-----\n(demo placeholder)\n-----END CERTIFICATE-----\n',
    'tls.key': '-----BEGIN PRIVATE KEY-----\n(demo placeholder)\n-----END PRIVATE KEY-----\n',
  });
}

export const PROXY_HUB = 'docker.io/istio';
export const PROXY_TAG = '1.30.3';
/** The image the injector puts in istio-proxy: `<hub>/<proxy.image>:<tag>` from its values. */
export const PROXY_IMAGE = `${PROXY_HUB}/proxyv2:${PROXY_TAG}`;

/**
 * istio-system/istio-sidecar-injector for the default revision, as istiod's Helm chart renders it
 * (values and config trimmed to what the injector and `istioctl analyze` read: the proxy image, the
 * namespace-default switch and the injection policy).
 */
export function sidecarInjectorConfigMap(): KubeObject {
  const values = {
    global: { hub: PROXY_HUB, tag: PROXY_TAG, proxy: { image: 'proxyv2' } },
    revision: '',
    sidecarInjectorWebhook: { enableNamespacesByDefault: false, rewriteAppHTTPProbe: true },
  };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'istio-sidecar-injector',
      namespace: 'istio-system',
      labels: { app: 'sidecar-injector', 'istio.io/rev': 'default', release: 'istio' },
    },
    data: {
      values: JSON.stringify(values, null, 2),
      config:
        'defaultTemplates: [sidecar]\npolicy: enabled\nalwaysInjectSelector:\n  []\nneverInjectSelector:\n  []\ninjectedAnnotations:\n',
    },
  };
}
