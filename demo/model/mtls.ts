import type { KubeObject } from '../kube/types.js';
import type { CompiledMesh } from './mesh.js';
import { field, matchesSelector, type WorkloadInfo } from './workloads.js';

export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE';

const ROOT_NAMESPACE = 'istio-system';

/**
 * The PeerAuthentication mode a workload's sidecar enforces: a workload-selector policy in its
 * namespace wins over the namespace-wide one, which wins over the mesh-wide one in the root
 * namespace; UNSET defers to the next level; with no policy at all Istio is PERMISSIVE.
 */
export function peerAuthMode(mesh: CompiledMesh, workload: WorkloadInfo): MtlsMode {
  const labels = workload.pods[0]?.labels ?? {};
  const modeOf = (pa: KubeObject): MtlsMode | null => {
    const mode = field.obj(field.obj(pa.spec).mtls).mode;
    return mode === 'STRICT' || mode === 'PERMISSIVE' || mode === 'DISABLE' ? mode : null;
  };
  const selectorOf = (pa: KubeObject): Record<string, string> | null => {
    const selector = field.obj(pa.spec).selector;
    return selector === undefined ? null : field.labels(field.obj(selector).matchLabels);
  };
  const candidates = [
    mesh.peerAuthentications.filter((pa) => {
      const sel = selectorOf(pa);
      return (
        pa.metadata.namespace === workload.namespace &&
        sel !== null &&
        Object.keys(sel).length > 0 &&
        matchesSelector(labels, sel)
      );
    }),
    mesh.peerAuthentications.filter(
      (pa) => pa.metadata.namespace === workload.namespace && selectorOf(pa) === null,
    ),
    mesh.peerAuthentications.filter(
      (pa) => pa.metadata.namespace === ROOT_NAMESPACE && selectorOf(pa) === null,
    ),
  ];
  for (const level of candidates) {
    for (const pa of level) {
      const mode = modeOf(pa);
      if (mode) return mode;
    }
  }
  return 'PERMISSIVE';
}
