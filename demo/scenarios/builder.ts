import type { KubeObject } from '../kube/types.js';
import { Rng } from '../model/random.js';
import {
  IpAllocator,
  namespaceObject,
  serviceObject,
  workloadObjects,
  type ServicePortDef,
  type WorkloadDef,
} from './objects.js';
import type { CallSpec, WorkloadBehaviour } from './topology.js';
import { workloadKey } from './topology.js';

/** Collects a scenario's objects and topology; owns the seeded generators so output is stable. */
export class ScenarioBuilder {
  readonly objects: KubeObject[] = [];
  readonly calls: CallSpec[] = [];
  readonly behaviours: Record<string, WorkloadBehaviour> = {};
  readonly rng: Rng;
  private readonly podIps = new IpAllocator();
  private nextClusterIp = 10;

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  namespace(name: string, injection: boolean): void {
    this.objects.push(namespaceObject(name, injection ? { 'istio-injection': 'enabled' } : {}));
  }

  /** A namespace with its own labels (ambient enrolment, waypoint use) instead of injection. */
  labelledNamespace(name: string, labels: Record<string, string>): void {
    this.objects.push(namespaceObject(name, labels));
  }

  service(
    namespace: string,
    name: string,
    ports: readonly ServicePortDef[],
    selector: Record<string, string>,
    type?: 'LoadBalancer',
    labels?: Record<string, string>,
  ): string {
    const n = this.nextClusterIp++;
    const ip = `10.96.${Math.floor(n / 250)}.${(n % 250) + 2}`;
    const svc = serviceObject(namespace, name, ports, selector, ip, type);
    if (labels) svc.metadata.labels = { ...svc.metadata.labels, ...labels };
    this.objects.push(svc);
    return ip;
  }

  workload(def: WorkloadDef, behaviour?: WorkloadBehaviour): void {
    this.objects.push(...workloadObjects(def, this.rng, this.podIps));
    if (behaviour) this.behaviours[workloadKey(def)] = behaviour;
  }

  add(...objects: KubeObject[]): void {
    this.objects.push(...objects);
  }

  call(spec: CallSpec): void {
    this.calls.push(spec);
  }
}
