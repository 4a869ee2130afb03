import type { InventoryNamespace, InventoryService, InventoryWorkload } from '@/lib/mesh/types';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, ResourceFinding, Validation } from './types';

/**
 * istioctl's deployment.MultiServiceAnalyzer (pkg/config/analysis/analyzers/deployment/services.go) on
 * Deployments in the mesh: IST0116 Services selecting its pods with the same port but different
 * protocols, IST0137 Services sending the same targetPort from different ports. Istio builds one
 * inbound listener per pod port, so one of them loses. (IST0117, a Deployment with no Service, is
 * retired in Istio and not reported.)
 */
export const MULTIPLE_SERVICES_CODE = 'IST0116';
export const CONFLICTING_PORTS_CODE = 'IST0137';

const INJECT = 'sidecar.istio.io/inject';

/**
 * Whether istioctl counts the Deployment in the mesh: a proxy in its pod template, else the inject
 * label, else the inject annotation, else the namespace's `istio-injection` label. Istio's analyzer
 * does not look at revision labels here.
 */
function inMesh(workload: InventoryWorkload, namespace: InventoryNamespace | undefined): boolean {
  if (workload.hasSidecar) return true;
  const label = workload.labels[INJECT];
  if (label !== undefined) return label === 'true';
  const annotation = workload.annotations[INJECT];
  if (annotation !== undefined) return annotation === 'true';
  return namespace?.labels['istio-injection'] === 'enabled';
}

function isWaypoint(workload: InventoryWorkload): boolean {
  return (
    workload.dataPlane?.proxy === 'waypoint' ||
    workload.labels['gateway.istio.io/managed'] === 'istio.io-mesh-controller'
  );
}

const fullName = (svc: InventoryService) => `${svc.namespace}/${svc.name}`;

/** Map of key → inner key → Service names, built in order. */
function group(entries: readonly [string, string, string][]): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const [key, inner, name] of entries) {
    const byInner = out.get(key) ?? new Map<string, string[]>();
    byInner.set(inner, [...(byInner.get(inner) ?? []), name]);
    out.set(key, byInner);
  }
  return out;
}

function protocolConflicts(deployment: string, services: InventoryService[]): Validation[] {
  const byPort = group(
    services.flatMap((s) =>
      s.ports.map((p): [string, string, string] => [
        String(p.port),
        p.protocol || 'TCP',
        fullName(s),
      ]),
    ),
  );
  return [...byPort].flatMap(([port, byProtocol]) => {
    if (byProtocol.size < 2) return [];
    const names = [...byProtocol.values()].flat().sort();
    const protocols = [...byProtocol.keys()].join(', ');
    return [
      {
        code: MULTIPLE_SERVICES_CODE,
        severity: 'warning',
        message: `This deployment ${deployment} is associated with multiple services using port ${port} but different protocols (${protocols}): ${names.join(', ')}. Its pods get one inbound listener per port; use one protocol for the port in every Service.`,
        path: 'metadata.name',
      },
    ];
  });
}

function targetPortConflicts(deployment: string, services: InventoryService[]): Validation[] {
  const byTarget = group(
    services.flatMap((s) =>
      s.ports.map((p): [string, string, string] => [
        String(p.targetPort ?? p.port),
        String(p.port),
        fullName(s),
      ]),
    ),
  );
  return [...byTarget].flatMap(([target, byPort]) => {
    if (byPort.size < 2) return [];
    const names = [...new Set([...byPort.values()].flat())].sort();
    const ports = [...byPort.keys()].map(Number).sort((a, b) => a - b);
    return [
      {
        code: CONFLICTING_PORTS_CODE,
        severity: 'warning',
        message: `This deployment ${deployment} is associated with multiple services ${names.join(', ')} using targetPort "${target}" but different ports: ${ports.join(', ')}. Services selecting the same pods must send a targetPort from the same port.`,
        path: 'metadata.name',
      },
    ];
  });
}

export function analyzeDeploymentServices(mesh: MeshConfig): ResourceFinding[] {
  const { namespaces, services, workloads } = mesh.inventory;
  return workloads
    .filter((w) => w.kind === 'Deployment' && !isWaypoint(w))
    .filter((w) =>
      inMesh(
        w,
        namespaces.find((ns) => ns.name === w.namespace),
      ),
    )
    .flatMap((w) => {
      const matching = services.filter(
        (s) =>
          s.namespace === w.namespace &&
          Object.keys(s.selector).length > 0 &&
          labelsMatch(s.selector, w.labels),
      );
      const resource = { kind: 'Deployment', namespace: w.namespace, name: w.name };
      return [...protocolConflicts(w.name, matching), ...targetPortConflicts(w.name, matching)].map(
        (validation) => ({ resource, validation }),
      );
    });
}
