import { DATAPLANE_MODE, GATEWAY_NAME } from '@/lib/mesh/ambient/labels';
import type { Inventory, InventoryNamespace } from '@/lib/mesh/types';
import {
  AMBIENT_REDIRECTION,
  INJECTION_LABEL,
  REVISION_LABEL,
  enablesNamespacesByDefault,
  findConfigMap,
  injectorConfigMapName,
  podAnnotations,
  podOptsOut,
} from './injector-config';
import type { MeshConfig, ResourceFinding } from './types';

/**
 * istioctl's injection.Analyzer (pkg/config/analysis/analyzers/injection/injection.go):
 * IST0102 NamespaceNotInjected (info), a namespace with no injection label and not in ambient mode;
 * IST0148 NamespaceInjectionEnabledByDefault (info), the same namespace when the injector injects
 * every namespace by default; IST0123 NamespaceMultipleInjectionLabels (warning), more than one of
 * `istio-injection`, `istio.io/rev`, `istio.io/dataplane-mode`; IST0103 PodMissingProxy (warning), a
 * pod without the proxy in a namespace labelled `istio-injection=enabled`.
 */
export const NAMESPACE_NOT_INJECTED = 'IST0102';
export const POD_MISSING_PROXY = 'IST0103';
export const MULTIPLE_INJECTION_LABELS = 'IST0123';
export const INJECTION_ENABLED_BY_DEFAULT = 'IST0148';

/**
 * Namespaces Istio never injects (Kubernetes' own, kind's storage) and the control plane's; istioctl
 * reports nothing about their injection either.
 */
const SYSTEM_NAMESPACES = new Set([
  'istio-system',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
]);

const namespaceRef = (name: string) => ({ kind: 'Namespace', namespace: '', name });

/** The injection-related labels that count as competing, as istioctl lists them. */
function injectionLabels(ns: InventoryNamespace): string[] {
  const injection = ns.labels[INJECTION_LABEL];
  const out = injection === undefined ? [] : [`${INJECTION_LABEL}=${injection}`];
  // A namespace that disables injection explicitly is not also asking for a revision or ambient.
  if (injection !== undefined && injection !== 'enabled') return out;
  for (const label of [REVISION_LABEL, DATAPLANE_MODE]) {
    const value = ns.labels[label];
    if (value !== undefined) out.push(`${label}=${value}`);
  }
  return out;
}

function namespaceFindings(
  ns: InventoryNamespace,
  inventory: Inventory,
): { findings: ResourceFinding[]; injected: boolean } {
  const findings: ResourceFinding[] = [];
  const labels = injectionLabels(ns);
  if (labels.length > 1) {
    findings.push({
      resource: namespaceRef(ns.name),
      validation: {
        code: MULTIPLE_INJECTION_LABELS,
        severity: 'warning',
        message: `Namespace ${ns.name} has more than one injection label (${labels.join(', ')}), which makes its data plane undefined. Keep only one: istio-injection=enabled for the default revision's sidecars, istio.io/rev=<revision> for a revision's, or istio.io/dataplane-mode=ambient.`,
        path: 'metadata.labels',
      },
    });
  }
  if (ns.labels[DATAPLANE_MODE] === 'ambient') return { findings, injected: false };
  const injection = ns.labels[INJECTION_LABEL];
  const revision = ns.labels[REVISION_LABEL];
  if (!injection && revision === undefined) {
    const injector = findConfigMap(inventory, injectorConfigMapName(revision));
    findings.push({
      resource: namespaceRef(ns.name),
      validation:
        injector && enablesNamespacesByDefault(injector)
          ? {
              code: INJECTION_ENABLED_BY_DEFAULT,
              severity: 'info',
              message: `Namespace ${ns.name} has no injection label but is injected: Istio is installed with sidecarInjectorWebhook.enableNamespacesByDefault=true. Label it istio-injection=disabled if its pods should run without a sidecar.`,
              path: 'metadata.labels',
            }
          : {
              code: NAMESPACE_NOT_INJECTED,
              severity: 'info',
              message: `Namespace ${ns.name} is not enabled for Istio injection: its pods get no sidecar. Run 'kubectl label namespace ${ns.name} istio-injection=enabled' to enable it, or 'kubectl label namespace ${ns.name} istio-injection=disabled' to mark it as not needing injection.`,
              path: 'metadata.labels',
            },
    });
    return { findings, injected: false };
  }
  return { findings, injected: injection === 'enabled' };
}

/** The pods Istio runs as proxies themselves (waypoints, Gateway API gateways) are never injected. */
function isIstioProxy(inventory: Inventory, namespace: string, workload: string | undefined) {
  return inventory.workloads.some(
    (w) => w.namespace === namespace && w.name === workload && w.dataPlane?.proxy !== undefined,
  );
}

export function analyzeInjection(mesh: MeshConfig): ResourceFinding[] {
  const { inventory } = mesh;
  const skipped = new Set([...SYSTEM_NAMESPACES, mesh.rootNamespace ?? 'istio-system']);
  const findings: ResourceFinding[] = [];
  const injected = new Set<string>();
  for (const ns of inventory.namespaces) {
    if (skipped.has(ns.name)) continue;
    const result = namespaceFindings(ns, inventory);
    findings.push(...result.findings);
    if (result.injected) injected.add(ns.name);
  }
  for (const pod of inventory.pods) {
    if (!injected.has(pod.namespace) || pod.hasSidecar || pod.proxyImage !== undefined) continue;
    const annotations = podAnnotations(pod, inventory) ?? {};
    if (podOptsOut(pod, annotations)) continue;
    // A pod enrolled in ambient mode on its own is captured by ztunnel instead.
    if (pod.labels[DATAPLANE_MODE] === 'ambient' || annotations[AMBIENT_REDIRECTION] === 'enabled')
      continue;
    if (pod.labels[GATEWAY_NAME] !== undefined) continue;
    if (isIstioProxy(inventory, pod.namespace, pod.workload)) continue;
    findings.push({
      resource: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
      validation: {
        code: POD_MISSING_PROXY,
        severity: 'warning',
        message: `Pod ${pod.namespace}/${pod.name} is missing the Istio proxy although namespace ${pod.namespace} is labelled istio-injection=enabled: it was likely created before the label or while the injector was unavailable. Restart or redeploy its workload (kubectl rollout restart) to inject it.`,
      },
    });
  }
  return findings;
}
