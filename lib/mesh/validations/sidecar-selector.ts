import type { Inventory, InventoryPod, IstioObject } from '@/lib/mesh/types';
import { DATAPLANE_MODE } from '@/lib/mesh/ambient/labels';
import { AMBIENT_REDIRECTION, INJECTION_LABEL, REVISION_LABEL } from './injector-config';
import { readSidecarSpec } from './sidecar-spec';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, ResourceFinding, Validation } from './types';

/**
 * istioctl's sidecar.SelectorAnalyzer (pkg/config/analysis/analyzers/sidecar/selector.go):
 * IST0101 ReferencedResourceNotFound (error), a Sidecar whose workloadSelector matches no pod of its
 * namespace; IST0110 ConflictingSidecarWorkloadSelectors (error), Sidecars selecting the same pod;
 * IST0111 MultipleSidecarsWithoutWorkloadSelectors (error), several namespace-wide Sidecars in one
 * namespace, each reported; IST0167 IneffectivePolicy (warning), a Sidecar for pods or a namespace in
 * ambient mode, where no sidecar reads it.
 */
export const SELECTOR_NOT_FOUND = 'IST0101';
export const CONFLICTING_SELECTORS = 'IST0110';
export const MULTIPLE_WITHOUT_SELECTOR = 'IST0111';
export const INEFFECTIVE_POLICY = 'IST0167';

const SELECTOR_PATH = 'spec.workloadSelector.labels';

/** A pod ztunnel captures: its redirection annotation, else (annotations unknown) its workload's data plane. */
function podInAmbient(pod: InventoryPod, inventory: Inventory): boolean {
  if (pod.annotations) return pod.annotations[AMBIENT_REDIRECTION] === 'enabled';
  const workload = inventory.workloads.find(
    (w) => w.namespace === pod.namespace && w.name === pod.workload,
  );
  return workload?.dataPlane?.mode === 'ambient';
}

/** Ambient by label, unless a sidecar injection label takes precedence, as istioctl decides. */
function namespaceInAmbient(inventory: Inventory, name: string): boolean {
  const labels = inventory.namespaces.find((ns) => ns.name === name)?.labels;
  if (!labels || labels[INJECTION_LABEL] === 'enabled' || labels[REVISION_LABEL]) return false;
  return labels[DATAPLANE_MODE] === 'ambient';
}

const sidecarRef = (sc: IstioObject) => ({
  kind: 'Sidecar',
  namespace: sc.namespace,
  name: sc.name,
});
const selectorText = (selector: Readonly<Record<string, string>>) =>
  Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

export function analyzeSidecarSelectors(mesh: MeshConfig): ResourceFinding[] {
  const { inventory } = mesh;
  const findings: ResourceFinding[] = [];
  const report = (sc: IstioObject, validation: Validation) =>
    findings.push({ resource: sidecarRef(sc), validation });
  const sidecars = mesh.objects.filter((o) => o.kind === 'Sidecar');
  const bySelectedPod = new Map<InventoryPod, IstioObject[]>();
  const namespaceWide = new Map<string, IstioObject[]>();

  for (const sc of sidecars) {
    const { selector } = readSidecarSpec(sc.spec);
    if (!selector) {
      namespaceWide.set(sc.namespace, [...(namespaceWide.get(sc.namespace) ?? []), sc]);
      continue;
    }
    const pods = inventory.pods.filter(
      (p) => p.namespace === sc.namespace && labelsMatch(selector, p.labels),
    );
    for (const p of pods) bySelectedPod.set(p, [...(bySelectedPod.get(p) ?? []), sc]);
    if (pods.length === 0) {
      report(sc, {
        code: SELECTOR_NOT_FOUND,
        severity: 'error',
        message: `Sidecar ${sc.name}'s workloadSelector (${selectorText(selector)}) matches no pod in namespace ${sc.namespace}, so it configures no proxy. Fix the labels or remove the Sidecar.`,
        path: SELECTOR_PATH,
      });
    }
  }

  // One finding per Sidecar and code, naming the first pod that shows it.
  const reported = new Set<string>();
  for (const [pod, list] of bySelectedPod) {
    const ambient = podInAmbient(pod, inventory);
    if (list.length === 1 && !ambient) continue;
    const names = list.map((sc) => sc.name).join(', ');
    for (const sc of list) {
      const key = `${ambient ? INEFFECTIVE_POLICY : CONFLICTING_SELECTORS} ${sc.namespace}/${sc.name}`;
      if (reported.has(key)) continue;
      reported.add(key);
      report(
        sc,
        ambient
          ? {
              code: INEFFECTIVE_POLICY,
              severity: 'warning',
              message: `Sidecar ${sc.name} has no effect: the pod it selects (${pod.name}) runs in ambient mode, without a sidecar proxy to configure. Remove it, or configure the workload's traffic through a waypoint.`,
              path: SELECTOR_PATH,
            }
          : {
              code: CONFLICTING_SELECTORS,
              severity: 'error',
              message: `Sidecars ${names} in namespace ${pod.namespace} all select pod ${pod.name}: which one applies is undefined. Make their workloadSelectors select different pods, or merge them.`,
              path: SELECTOR_PATH,
            },
      );
    }
  }

  for (const [namespace, list] of namespaceWide) {
    if (namespaceInAmbient(inventory, namespace)) {
      for (const sc of list) {
        report(sc, {
          code: INEFFECTIVE_POLICY,
          severity: 'warning',
          message: `Sidecar ${sc.name} has no effect: namespace ${namespace} runs in ambient mode, without sidecar proxies to configure. Remove it, or configure the namespace's traffic through a waypoint.`,
        });
      }
      continue;
    }
    if (list.length < 2) continue;
    const names = list.map((sc) => sc.name).join(', ');
    for (const sc of list) {
      report(sc, {
        code: MULTIPLE_WITHOUT_SELECTOR,
        severity: 'error',
        message: `Sidecars ${names} in namespace ${namespace} have no workloadSelector: a namespace takes one such Sidecar, and which one applies is undefined. Merge them, or give all but one a workloadSelector.`,
      });
    }
  }
  return findings;
}
