import { parseAllDocuments } from 'yaml';
import type { InventoryPod, InventoryService, IstioObject } from '@/lib/mesh/types';
import { isIstioKind } from '@/lib/mesh/istio-kinds';
import type { MeshConfig } from './types';

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

/**
 * A multi-document YAML (e.g. a Kiali validations fixture) as Istio objects and Kubernetes services.
 * Objects without a namespace land in `defaultNamespace`, as `kubectl apply -n` would put them.
 */
export function meshFromYaml(
  text: string,
  pods: readonly InventoryPod[] = [],
  defaultNamespace = 'default',
): MeshConfig {
  const objects: IstioObject[] = [];
  const services: InventoryService[] = [];
  for (const doc of parseAllDocuments(text)) {
    const raw = doc.toJS() as {
      kind?: string;
      apiVersion?: string;
      metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
      spec?: Record<string, unknown>;
    } | null;
    if (!raw?.kind) continue;
    const namespace = raw.metadata?.namespace ?? defaultNamespace;
    const name = raw.metadata?.name ?? raw.metadata?.labels?.app ?? 'unnamed';
    if (raw.kind === 'Service') {
      const selector = (raw.spec?.selector ?? {}) as Record<string, string>;
      services.push(service(namespace, name, selector));
    } else if (isIstioKind(raw.kind)) {
      objects.push({
        ...istio(raw.kind, namespace, name, raw.spec ?? {}),
        apiVersion: raw.apiVersion ?? '',
      });
    }
  }
  return meshOf(objects, services, pods);
}

export function find(mesh: MeshConfig, kind: IstioObject['kind'], name: string): IstioObject {
  const obj = mesh.objects.find((o) => o.kind === kind && o.name === name);
  if (!obj) throw new Error(`no ${kind} ${name} in the test mesh`);
  return obj;
}
