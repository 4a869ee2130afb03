import type { IstioObject } from '@/lib/mesh/types';
import { readSidecarSpec } from './sidecar-spec';
import type { MeshConfig, Validation } from './types';

/**
 * KIA1006 (warning), as Kiali's sidecars GlobalChecker (business/checkers/sidecars/global_checker.go):
 * a Sidecar in the root namespace is the mesh-wide default only without a workloadSelector; with one
 * it configures just the selected pods of the root namespace, which is rarely what was meant.
 */
export const GLOBAL_SIDECAR_SELECTOR = 'KIA1006';

export function checkSidecarGlobalSelector(obj: IstioObject, mesh: MeshConfig): Validation[] {
  const root = mesh.rootNamespace ?? 'istio-system';
  if (obj.kind !== 'Sidecar' || obj.namespace !== root) return [];
  if (!readSidecarSpec(obj.spec).selector) return [];
  return [
    {
      code: GLOBAL_SIDECAR_SELECTOR,
      severity: 'warning',
      message: `Sidecar ${obj.name} is in the root namespace ${root} but has a workloadSelector, so it is not the mesh-wide default: it configures only the selected pods of ${root}. Remove the selector to make it the default for every namespace, or move it to its workloads' namespace.`,
      path: 'spec.workloadSelector',
    },
  ];
}
