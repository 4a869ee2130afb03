import type { ResourceDef } from './resources';
import type { KubeObject } from './types';

/**
 * What the rest of a cluster would add to core objects so the demo inventory looks real: API
 * defaulting (service ports, pod spec), the service IP allocator, and — since no scheduler, kubelet or
 * deployment controller runs here — the status those would write. Applied to objects stored through
 * the API and to seeded objects that lack them; never to Istio custom resources, whose status belongs
 * to istiod.
 */

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function array(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(record) : [];
}

export class ClusterSimulation {
  private nextServiceIp = 10;
  private nextPodIp = 10;

  constructor(private readonly now: () => string) {}

  /** Defaults and initial status for a newly created object (mutates and returns it). */
  onCreate(def: ResourceDef, obj: KubeObject): KubeObject {
    switch (def.kind) {
      case 'Namespace':
        obj.metadata.labels = {
          ...obj.metadata.labels,
          'kubernetes.io/metadata.name': obj.metadata.name,
        };
        obj.spec = { finalizers: ['kubernetes'], ...record(obj.spec) };
        obj.status ??= { phase: 'Active' };
        return obj;
      case 'Service':
        obj.spec = this.serviceSpec(record(obj.spec));
        obj.status ??= { loadBalancer: {} };
        return obj;
      case 'Pod':
        obj.spec = { ...POD_SPEC_DEFAULTS, ...record(obj.spec) };
        obj.status ??= this.podStatus(obj);
        return obj;
      case 'Deployment':
        obj.metadata.annotations = {
          'deployment.kubernetes.io/revision': '1',
          ...obj.metadata.annotations,
        };
        obj.spec = { ...DEPLOYMENT_SPEC_DEFAULTS, ...record(obj.spec) };
        obj.status ??= deploymentStatus(obj);
        return obj;
      case 'Secret':
        return secretDefaults(obj);
      default:
        return obj;
    }
  }

  /** What controllers would converge an updated object to (the deployment controller's status). */
  onUpdate(def: ResourceDef, obj: KubeObject): KubeObject {
    if (def.kind === 'Deployment') obj.status = deploymentStatus(obj);
    if (def.kind === 'Secret') secretDefaults(obj);
    return obj;
  }

  private serviceSpec(spec: Json): Json {
    const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
    const headless = spec.clusterIP === 'None';
    const clusterIP =
      typeof spec.clusterIP === 'string' ? spec.clusterIP : this.allocate('service');
    return {
      ...spec,
      type,
      clusterIP,
      clusterIPs: headless ? ['None'] : [clusterIP],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      ports: array(spec.ports).map((p) => ({ protocol: 'TCP', targetPort: p.port, ...p })),
    };
  }

  private allocate(kind: 'service' | 'pod'): string {
    const n = kind === 'service' ? this.nextServiceIp++ : this.nextPodIp++;
    return kind === 'service'
      ? `10.96.${Math.floor(n / 256)}.${n % 256}`
      : `10.244.${Math.floor(n / 256)}.${n % 256}`;
  }

  private podStatus(pod: KubeObject): Json {
    const spec = record(pod.spec);
    const started = this.now();
    const running = (c: Json) => ({
      name: c.name,
      image: c.image,
      imageID: `${String(c.image)}@sha256:${'0'.repeat(64)}`,
      containerID: `containerd://${'0'.repeat(64)}`,
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: started } },
    });
    // Native sidecars (init containers with restartPolicy Always, as Istio injects istio-proxy) keep
    // running; classic init containers such as istio-init have run to completion.
    const initStatuses = array(spec.initContainers).map((c) =>
      c.restartPolicy === 'Always'
        ? running(c)
        : {
            ...running(c),
            ready: true,
            started: false,
            state: {
              terminated: {
                exitCode: 0,
                reason: 'Completed',
                startedAt: started,
                finishedAt: started,
              },
            },
          },
    );
    const condition = (type: string) => ({
      type,
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: started,
    });
    const ip = this.allocate('pod');
    return {
      phase: 'Running',
      conditions: [
        'PodReadyToStartContainers',
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(condition),
      hostIP: '172.18.0.2',
      hostIPs: [{ ip: '172.18.0.2' }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: started,
      qosClass: 'BestEffort',
      ...(initStatuses.length > 0 ? { initContainerStatuses: initStatuses } : {}),
      containerStatuses: array(spec.containers).map(running),
    };
  }
}

const POD_SPEC_DEFAULTS: Json = {
  restartPolicy: 'Always',
  dnsPolicy: 'ClusterFirst',
  schedulerName: 'default-scheduler',
  serviceAccountName: 'default',
  serviceAccount: 'default',
  terminationGracePeriodSeconds: 30,
  securityContext: {},
  nodeName: 'demo-node',
  enableServiceLinks: true,
  preemptionPolicy: 'PreemptLowerPriority',
  priority: 0,
};

const DEPLOYMENT_SPEC_DEFAULTS: Json = {
  replicas: 1,
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
  strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
};

/** A stable pod-template-hash lookalike (the controller's is FNV-32a of the template, safe-encoded). */
function templateHash(template: unknown): string {
  let hash = 0x811c9dc5;
  for (const ch of JSON.stringify(template ?? {})) {
    hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  }
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return [...hash.toString(alphabet.length).padStart(7, '0')]
    .map((digit) => alphabet[parseInt(digit, alphabet.length)] ?? 'b')
    .join('');
}

function deploymentStatus(deployment: KubeObject): Json {
  const spec = record(deployment.spec);
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  const at = deployment.metadata.creationTimestamp;
  const condition = (type: string, reason: string, message: string) => ({
    type,
    status: 'True',
    lastUpdateTime: at,
    lastTransitionTime: at,
    reason,
    message,
  });
  return {
    observedGeneration: deployment.metadata.generation ?? 1,
    ...(replicas > 0
      ? {
          replicas,
          updatedReplicas: replicas,
          readyReplicas: replicas,
          availableReplicas: replicas,
        }
      : {}),
    conditions: [
      condition('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'),
      condition(
        'Progressing',
        'NewReplicaSetAvailable',
        `ReplicaSet "${deployment.metadata.name}-${templateHash(spec.template)}" has successfully progressed.`,
      ),
    ],
  };
}

/** Secrets default to Opaque; stringData is write-only, merged into data base64-encoded. */
function secretDefaults(obj: KubeObject): KubeObject {
  obj.type ??= 'Opaque';
  const stringData = record(obj.stringData);
  if (Object.keys(stringData).length > 0) {
    const encoded = Object.fromEntries(
      Object.entries(stringData).map(([k, v]) => [k, Buffer.from(String(v)).toString('base64')]),
    );
    obj.data = { ...record(obj.data), ...encoded };
  }
  delete obj.stringData;
  return obj;
}
