import { parseAllDocuments } from 'yaml';
import type {
  InventoryPod,
  InventoryService,
  InventoryWorkload,
  IstioObject,
} from '@/lib/mesh/types';
import { isIstioKind } from '@/lib/mesh/istio/kinds';
import type { MeshConfig } from '../validations/types';

/** Builders for semantic-check tests: small meshes made by the test itself or read from Kiali fixtures. */
export function istio(
  kind: IstioObject['kind'],
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
): IstioObject {
  const group =
    kind === 'PeerAuthentication' || kind === 'AuthorizationPolicy' ? 'security' : 'networking';
  return {
    kind,
    apiVersion: `${group}.istio.io/v1`,
    namespace,
    name,
    resourceVersion: '1',
    labels: {},
    spec,
  };
}

export function service(
  namespace: string,
  name: string,
  selector: Record<string, string> = { app: name },
): InventoryService {
  return { namespace, name, selector, ports: [{ port: 8080, protocol: 'TCP' }] };
}

/** A one-replica Deployment whose pods carry `labels`, app and version read from them. */
export function workload(
  namespace: string,
  name: string,
  labels: Record<string, string>,
): InventoryWorkload {
  return {
    namespace,
    name,
    kind: 'Deployment',
    labels,
    annotations: {},
    ...(labels.app !== undefined && { app: labels.app }),
    ...(labels.version !== undefined && { version: labels.version }),
    desiredReplicas: 1,
    readyReplicas: 1,
    hasSidecar: true,
  };
}

export function pod(namespace: string, name: string, labels: Record<string, string>): InventoryPod {
  return { namespace, name, labels, ready: true, hasSidecar: true };
}

export function meshOf(
  objects: readonly IstioObject[],
  services: readonly InventoryService[] = [],
  pods: readonly InventoryPod[] = [],
): MeshConfig {
  return { objects, inventory: { namespaces: [], services, workloads: [], pods } };
}

interface RawDoc {
  kind?: string;
  apiVersion?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}

/** A Service document as the inventory holds it: its ports, and the exportTo annotation when set. */
function serviceFromDoc(raw: RawDoc, namespace: string, name: string): InventoryService {
  const selector = (raw.spec?.selector ?? {}) as Record<string, string>;
  const ports = Array.isArray(raw.spec?.ports)
    ? (raw.spec.ports as { port?: unknown; name?: unknown; protocol?: unknown }[])
        .filter((p) => typeof p.port === 'number')
        .map((p) => ({
          port: p.port as number,
          protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
          ...(typeof p.name === 'string' && { name: p.name }),
        }))
    : undefined;
  const exportTo = raw.metadata?.annotations?.['networking.istio.io/exportTo'];
  return {
    ...service(namespace, name, selector),
    ...(ports && { ports }),
    ...(exportTo && { exportTo: exportTo.split(',').map((e) => e.trim()) }),
  };
}

/** A Pod document: its labels, and a sidecar when a container (or init container) is istio-proxy. */
function podFromDoc(raw: RawDoc, namespace: string, name: string): InventoryPod {
  const containers = [raw.spec?.containers, raw.spec?.initContainers].flatMap((list) =>
    Array.isArray(list) ? (list as { name?: unknown }[]) : [],
  );
  return {
    ...pod(namespace, name, raw.metadata?.labels ?? {}),
    hasSidecar: containers.some((c) => c.name === 'istio-proxy'),
  };
}

/**
 * A multi-document YAML (e.g. a Kiali validations fixture or an istioctl analyzer case) as Istio
 * objects, Kubernetes services and pods. Objects without a namespace land in `defaultNamespace`, as
 * `kubectl apply -n` would put them. `pods` are added to the pods the YAML holds.
 */
export function meshFromYaml(
  text: string,
  pods: readonly InventoryPod[] = [],
  defaultNamespace = 'default',
): MeshConfig {
  const objects: IstioObject[] = [];
  const services: InventoryService[] = [];
  const allPods: InventoryPod[] = [...pods];
  for (const doc of parseAllDocuments(text)) {
    const raw = doc.toJS() as RawDoc | null;
    if (!raw?.kind) continue;
    const namespace = raw.metadata?.namespace ?? defaultNamespace;
    const name = raw.metadata?.name ?? raw.metadata?.labels?.app ?? 'unnamed';
    if (raw.kind === 'Service') {
      services.push(serviceFromDoc(raw, namespace, name));
    } else if (raw.kind === 'Pod') {
      allPods.push(podFromDoc(raw, namespace, name));
    } else if (isIstioKind(raw.kind)) {
      objects.push({
        ...istio(raw.kind, namespace, name, raw.spec ?? {}),
        apiVersion: raw.apiVersion ?? '',
      });
    }
  }
  return meshOf(objects, services, allPods);
}

export function find(mesh: MeshConfig, kind: IstioObject['kind'], name: string): IstioObject {
  const obj = mesh.objects.find((o) => o.kind === kind && o.name === name);
  if (!obj) throw new Error(`no ${kind} ${name} in the test mesh`);
  return obj;
}
