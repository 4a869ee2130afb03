/**
 * What the gateway analyzers need of an Istio Gateway beyond lib/mesh/istio/gateway.ts: each server's
 * port, bind and TLS certificate, and the pods and Services of the workload its selector picks.
 * Ref https://istio.io/latest/docs/reference/config/networking/gateway/
 */
import type { InventoryPod, InventoryService, IstioObject } from '@/lib/mesh/types';
import {
  readNumber,
  readOnce,
  readRecord,
  readRecords,
  readString,
  readStringMap,
  readStrings,
  type Path,
  type ReadIssue,
} from '@/lib/mesh/istio/read';
import { labelsMatch } from './spec-walk';
import type { MeshConfig } from './types';

export interface ServerTls {
  readonly mode?: string;
  readonly credentialName?: string;
  readonly serverCertificate?: string;
  readonly privateKey?: string;
}

export interface ServerDetail {
  readonly path: Path;
  /** `port.number`; absent when the server has none (the schema refuses such a Gateway). */
  readonly port?: number;
  readonly hosts: readonly string[];
  /** The address the listener binds to; absent means all addresses. */
  readonly bind?: string;
  readonly tls?: ServerTls;
}

export interface GatewayDetail {
  /** `spec.selector`; absent or empty selects every pod, as a Kubernetes label selector does. */
  readonly selector: Readonly<Record<string, string>>;
  readonly servers: readonly ServerDetail[];
}

function readTls(value: unknown, path: Path, issues: ReadIssue[]): ServerTls | undefined {
  const tls = readRecord(value, path, issues);
  if (!tls) return undefined;
  const field = (name: string) => readString(tls[name], [...path, name], issues) || undefined;
  const mode = field('mode');
  const credentialName = field('credentialName');
  const serverCertificate = field('serverCertificate');
  const privateKey = field('privateKey');
  return {
    ...(mode && { mode }),
    ...(credentialName && { credentialName }),
    ...(serverCertificate && { serverCertificate }),
    ...(privateKey && { privateKey }),
  };
}

function read(value: unknown): GatewayDetail {
  const issues: ReadIssue[] = [];
  const spec = readRecord(value, ['spec'], issues) ?? {};
  const selector = readStringMap(spec.selector, ['spec', 'selector'], issues) ?? {};
  const servers = readRecords(spec.servers, ['spec', 'servers'], issues).map(({ path, raw }) => {
    const port = readRecord(raw.port, [...path, 'port'], issues);
    const number = readNumber(port?.number, [...path, 'port', 'number'], issues);
    const bind = readString(raw.bind, [...path, 'bind'], issues);
    const tls = readTls(raw.tls, [...path, 'tls'], issues);
    return {
      path,
      ...(number !== undefined && number > 0 && { port: number }),
      hosts: readStrings(raw.hosts, [...path, 'hosts'], issues),
      ...(bind && { bind }),
      ...(tls && { tls }),
    };
  });
  return { selector, servers };
}

/** A Gateway's `spec` as the gateway analyzers read it; never throws. */
export const readGatewayDetail = readOnce(read);

/** `k=v,k2=v2`, sorted by key as Kubernetes prints a label selector; `*` for the empty one. */
export function describeSelector(selector: Readonly<Record<string, string>>): string {
  const pairs = Object.keys(selector)
    .sort()
    .map((k) => `${k}=${selector[k]}`);
  return pairs.length ? pairs.join(',') : '* (every pod)';
}

/**
 * The pods a Gateway's selector picks, in every namespace: Istio scopes a Gateway to its own namespace
 * only with PILOT_SCOPE_GATEWAY_TO_NAMESPACE, off by default. With no such pod running, the pod
 * templates of the workloads it picks stand in: a gateway Deployment scaled to zero (or not started
 * yet) still tells which ports and namespace its pods will have.
 */
export function gatewayPods(gateway: GatewayDetail, mesh: MeshConfig): InventoryPod[] {
  const running = mesh.inventory.pods.filter((p) => labelsMatch(gateway.selector, p.labels));
  if (running.length > 0) return running;
  return mesh.inventory.workloads
    .filter((w) => labelsMatch(gateway.selector, w.labels))
    .map((w) => ({
      namespace: w.namespace,
      name: w.name,
      labels: w.labels,
      workload: w.name,
      ready: false,
      hasSidecar: w.hasSidecar,
    }));
}

/**
 * The Services whose selector picks `pod`: they are how traffic reaches the gateway's listeners. One
 * without a selector counts too, as in istioctl; that only makes the port check more lenient.
 */
export function servicesOfPod(pod: InventoryPod, mesh: MeshConfig): InventoryService[] {
  return mesh.inventory.services.filter(
    (s) => s.namespace === pod.namespace && labelsMatch(s.selector, pod.labels),
  );
}

/** The other Gateways of the mesh: a stored copy of the object being validated is the same one. */
export function otherGateways(gateway: IstioObject, mesh: MeshConfig): IstioObject[] {
  return mesh.objects.filter(
    (o) => o.kind === 'Gateway' && (o.namespace !== gateway.namespace || o.name !== gateway.name),
  );
}
