import type { KubeObject } from '../kube/types.js';
import type { Rng } from '../model/random.js';
import { canonicalLabels, injectSidecar } from './sidecar.js';

/** Builders for the core Kubernetes objects of a scenario, shaped as the API server returns them. */

export interface WorkloadDef {
  namespace: string;
  /** Deployment name, e.g. "reviews-v2". */
  name: string;
  app: string;
  version?: string;
  serviceAccount: string;
  replicas: number;
  sidecar: boolean;
  containerPorts: readonly number[];
  image: string;
  extraLabels?: Record<string, string>;
  /** Gateways run Envoy as their main container instead of carrying a sidecar. */
  gateway?: boolean;
  /** Captured by ztunnel (ambient): no sidecar; istio-cni marks the pod once it set up redirection. */
  ambient?: boolean;
}

/** Hands out pod IPs in 10.244.0.0/16 in creation order, so they are stable under a seed. */
export class IpAllocator {
  private next = 10;
  take(): string {
    const n = this.next++;
    return `10.244.${Math.floor(n / 250)}.${(n % 250) + 2}`;
  }
}

const POD_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function kubeSuffix(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += POD_SUFFIX_ALPHABET[rng.int(POD_SUFFIX_ALPHABET.length)];
  return out;
}

export function uid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function namespaceObject(name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export interface ServicePortDef {
  name: string;
  port: number;
  targetPort?: number;
  appProtocol?: string;
}

export function serviceObject(
  namespace: string,
  name: string,
  ports: readonly ServicePortDef[],
  selector: Record<string, string>,
  clusterIp: string,
  type: 'ClusterIP' | 'LoadBalancer' = 'ClusterIP',
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: { app: selector.app ?? name, service: name } },
    spec: {
      type,
      clusterIP: clusterIp,
      clusterIPs: [clusterIp],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      selector,
      ports: ports.map((p) => ({
        name: p.name,
        port: p.port,
        protocol: 'TCP',
        targetPort: p.targetPort ?? p.port,
        ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
      })),
    },
    status: { loadBalancer: {} },
  };
}

/** A Deployment and its running pods (sidecar injected into the pods, as the webhook does). */
export function workloadObjects(def: WorkloadDef, rng: Rng, ips: IpAllocator): KubeObject[] {
  const selector: Record<string, string> = {
    app: def.app,
    ...(def.version ? { version: def.version } : {}),
  };
  const ownLabels = { ...selector, ...def.extraLabels };
  // Opting out of injection by label: Istio deprecated the annotation of the same name.
  const templateLabels =
    def.sidecar || def.gateway || def.ambient
      ? ownLabels
      : { ...ownLabels, 'sidecar.istio.io/inject': 'false' };
  const templateAnnotations: Record<string, string> = {};
  const appContainer = def.gateway ? 'istio-proxy' : def.app;
  const container = {
    name: appContainer,
    image: def.image,
    imagePullPolicy: 'IfNotPresent',
    ports: def.containerPorts.map((containerPort) => ({ containerPort, protocol: 'TCP' })),
    resources: {},
  };
  const podSpec = {
    serviceAccountName: def.serviceAccount,
    containers: [container],
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
  };
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: def.name, namespace: def.namespace, labels: ownLabels, generation: 1 },
    spec: {
      replicas: def.replicas,
      selector: { matchLabels: selector },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      template: {
        metadata: { labels: templateLabels, annotations: templateAnnotations },
        spec: podSpec,
      },
    },
    status: {
      observedGeneration: 1,
      replicas: def.replicas,
      updatedReplicas: def.replicas,
      readyReplicas: def.replicas,
      availableReplicas: def.replicas,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${def.name}" has successfully progressed.`,
        },
      ],
    },
  };
  const templateHash = kubeSuffix(rng, 10);
  const replicaSetUid = uid(rng);
  const pods: KubeObject[] = [];
  for (let i = 0; i < def.replicas; i++) {
    const podLabels = { ...templateLabels, 'pod-template-hash': templateHash };
    const base = {
      labels: podLabels,
      annotations: def.ambient
        ? { ...templateAnnotations, 'ambient.istio.io/redirection': 'enabled' }
        : { ...templateAnnotations },
      spec: { ...podSpec },
    };
    const injected = def.sidecar
      ? injectSidecar({
          ...base,
          workloadName: def.name,
          namespace: def.namespace,
          appContainer,
          containerPorts: def.containerPorts,
        })
      : def.gateway
        ? { ...base, labels: { ...podLabels, ...canonicalLabels(podLabels, def.name) } }
        : base;
    const ip = ips.take();
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${def.name}-${templateHash}-${kubeSuffix(rng, 5)}`,
        namespace: def.namespace,
        labels: injected.labels,
        annotations: injected.annotations,
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: `${def.name}-${templateHash}`,
            uid: replicaSetUid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { ...injected.spec, nodeName: 'demo-node' },
      status: podStatus(ip, injected.spec),
    });
  }
  return [deployment, ...pods];
}

function podStatus(ip: string, spec: Record<string, unknown>): Record<string, unknown> {
  const names = (list: unknown): string[] =>
    Array.isArray(list) ? list.map((c) => String((c as { name?: unknown }).name)) : [];
  const running = (name: string): Record<string, unknown> => ({
    name,
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: {} },
  });
  const initNames = names(spec.initContainers);
  return {
    phase: 'Running',
    podIP: ip,
    podIPs: [{ ip }],
    hostIP: '172.18.0.2',
    qosClass: 'Burstable',
    conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
      type,
      status: 'True',
    })),
    containerStatuses: names(spec.containers).map(running),
    ...(initNames.length > 0
      ? {
          initContainerStatuses: initNames.map((name) =>
            name === 'istio-init'
              ? {
                  name,
                  ready: true,
                  restartCount: 0,
                  state: { terminated: { exitCode: 0, reason: 'Completed' } },
                }
              : running(name),
          ),
        }
      : {}),
  };
}
