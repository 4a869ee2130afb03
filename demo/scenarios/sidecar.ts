import { PROXY_IMAGE } from './core-objects.js';

/**
 * Istio 1.30 sidecar injection as the webhook does it (fixtures/kubernetes/istio-sidecar-injection):
 * istio-proxy is a native sidecar (an initContainer with restartPolicy: Always) next to istio-init,
 * plus the status annotation and the tlsMode / canonical-name / canonical-revision labels.
 */

const SIDECAR_STATUS = JSON.stringify({
  initContainers: ['istio-init', 'istio-proxy'],
  containers: null,
  volumes: [
    'workload-socket',
    'credential-socket',
    'workload-certs',
    'istio-envoy',
    'istio-data',
    'istio-podinfo',
    'istio-token',
    'istiod-ca-cert',
    'istio-ca-crl',
  ],
  imagePullSecrets: null,
  revision: 'default',
});

export interface InjectionInput {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The pod spec before injection (containers, serviceAccountName, …). */
  spec: Record<string, unknown>;
  workloadName: string;
  namespace: string;
  appContainer: string;
  containerPorts: readonly number[];
}

export function canonicalLabels(
  labels: Record<string, string>,
  workloadName: string,
): Record<string, string> {
  return {
    'service.istio.io/canonical-name': labels.app ?? workloadName,
    'service.istio.io/canonical-revision': labels.version ?? 'latest',
  };
}

export function injectSidecar(input: InjectionInput): {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: Record<string, unknown>;
} {
  const { labels, workloadName, namespace } = input;
  return {
    labels: {
      ...labels,
      'security.istio.io/tlsMode': 'istio',
      ...canonicalLabels(labels, workloadName),
    },
    annotations: {
      ...input.annotations,
      'istio.io/rev': 'default',
      'kubectl.kubernetes.io/default-container': input.appContainer,
      'kubectl.kubernetes.io/default-logs-container': input.appContainer,
      'prometheus.io/path': '/stats/prometheus',
      'prometheus.io/port': '15020',
      'prometheus.io/scrape': 'true',
      'sidecar.istio.io/status': SIDECAR_STATUS,
    },
    spec: {
      ...input.spec,
      initContainers: [
        istioInit(),
        istioProxy(workloadName, namespace, input.appContainer, input.containerPorts),
      ],
      volumes: [...((input.spec.volumes as unknown[] | undefined) ?? []), ...ISTIO_VOLUMES],
    },
  };
}

function istioInit(): Record<string, unknown> {
  return {
    name: 'istio-init',
    image: PROXY_IMAGE,
    args: [
      'istio-iptables',
      '-p',
      '15001',
      '-z',
      '15006',
      '-u',
      '1337',
      '-m',
      'REDIRECT',
      '-i',
      '*',
      '-x',
      '',
      '-b',
      '*',
      '-d',
      '15090,15021,15020',
      '--log_output_level=default:info',
    ],
    resources: { limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '100m', memory: '128Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: false,
      runAsGroup: 0,
      runAsNonRoot: false,
      runAsUser: 0,
    },
  };
}

function istioProxy(
  workload: string,
  namespace: string,
  appContainer: string,
  ports: readonly number[],
): Record<string, unknown> {
  const fieldRef = (fieldPath: string): Record<string, unknown> => ({
    valueFrom: { fieldRef: { fieldPath } },
  });
  return {
    name: 'istio-proxy',
    image: PROXY_IMAGE,
    args: [
      'proxy',
      'sidecar',
      '--domain',
      '$(POD_NAMESPACE).svc.cluster.local',
      '--proxyLogLevel=warning',
      '--proxyComponentLogLevel=misc:error',
      '--log_output_level=default:info',
    ],
    env: [
      { name: 'PILOT_CERT_PROVIDER', value: 'istiod' },
      { name: 'CA_ADDR', value: 'istiod.istio-system.svc:15012' },
      { name: 'POD_NAME', ...fieldRef('metadata.name') },
      { name: 'POD_NAMESPACE', ...fieldRef('metadata.namespace') },
      { name: 'INSTANCE_IP', ...fieldRef('status.podIP') },
      { name: 'SERVICE_ACCOUNT', ...fieldRef('spec.serviceAccountName') },
      { name: 'HOST_IP', ...fieldRef('status.hostIP') },
      {
        name: 'ISTIO_META_POD_PORTS',
        value: JSON.stringify(ports.map((p) => ({ containerPort: p }))),
      },
      { name: 'ISTIO_META_APP_CONTAINERS', value: appContainer },
      { name: 'ISTIO_META_CLUSTER_ID', value: 'Kubernetes' },
      { name: 'ISTIO_META_INTERCEPTION_MODE', value: 'REDIRECT' },
      { name: 'ISTIO_META_WORKLOAD_NAME', value: workload },
      {
        name: 'ISTIO_META_OWNER',
        value: `kubernetes://apis/apps/v1/namespaces/${namespace}/deployments/${workload}`,
      },
      { name: 'ISTIO_META_MESH_ID', value: 'cluster.local' },
      { name: 'TRUST_DOMAIN', value: 'cluster.local' },
    ],
    lifecycle: {
      preStop: {
        exec: { command: ['pilot-agent', 'request', '--debug-port=15020', 'POST', 'drain'] },
      },
    },
    ports: [{ containerPort: 15090, name: 'http-envoy-prom', protocol: 'TCP' }],
    readinessProbe: {
      failureThreshold: 4,
      httpGet: { path: '/healthz/ready', port: 15021 },
      periodSeconds: 15,
      timeoutSeconds: 3,
    },
    resources: { limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '100m', memory: '128Mi' } },
    restartPolicy: 'Always',
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsGroup: 1337,
      runAsNonRoot: true,
      runAsUser: 1337,
    },
    startupProbe: {
      failureThreshold: 600,
      httpGet: { path: '/healthz/ready', port: 15021 },
      periodSeconds: 1,
      timeoutSeconds: 3,
    },
    volumeMounts: [
      { mountPath: '/var/run/secrets/workload-spiffe-uds', name: 'workload-socket' },
      { mountPath: '/var/run/secrets/credential-uds', name: 'credential-socket' },
      { mountPath: '/var/run/secrets/workload-spiffe-credentials', name: 'workload-certs' },
      { mountPath: '/var/run/secrets/istio', name: 'istiod-ca-cert' },
      { mountPath: '/var/run/secrets/istio/crl', name: 'istio-ca-crl' },
      { mountPath: '/var/lib/istio/data', name: 'istio-data' },
      { mountPath: '/etc/istio/proxy', name: 'istio-envoy' },
      { mountPath: '/var/run/secrets/tokens', name: 'istio-token' },
      { mountPath: '/etc/istio/pod', name: 'istio-podinfo' },
    ],
  };
}

const ISTIO_VOLUMES: readonly Record<string, unknown>[] = [
  { name: 'workload-socket', emptyDir: {} },
  { name: 'credential-socket', emptyDir: {} },
  { name: 'workload-certs', emptyDir: {} },
  { name: 'istio-envoy', emptyDir: { medium: 'Memory' } },
  { name: 'istio-data', emptyDir: {} },
  {
    name: 'istio-podinfo',
    downwardAPI: {
      items: [
        { fieldRef: { fieldPath: 'metadata.labels' }, path: 'labels' },
        { fieldRef: { fieldPath: 'metadata.annotations' }, path: 'annotations' },
      ],
    },
  },
  {
    name: 'istio-token',
    projected: {
      sources: [
        {
          serviceAccountToken: {
            audience: 'istio-ca',
            expirationSeconds: 43200,
            path: 'istio-token',
          },
        },
      ],
    },
  },
  { name: 'istiod-ca-cert', configMap: { name: 'istio-ca-root-cert' } },
  { name: 'istio-ca-crl', configMap: { name: 'istio-ca-crl', optional: true } },
];
