import {
  INJECTION_LABEL,
  REVISION_LABEL,
  findConfigMap,
  injectorConfigMapName,
  injectorProxyImage,
  isInjectorConfigMap,
  podAnnotations,
} from './injector-config';
import type { MeshConfig, ResourceFinding } from './types';

/**
 * IST0158 PodsIstioProxyImageMismatchInNamespace, a warning, as istioctl's injection.ImageAnalyzer
 * (pkg/config/analysis/analyzers/injection/injection-image.go) reports it: in a namespace injected by
 * label, pods whose proxy image is not the one the namespace's injector (ConfigMap
 * `istio-sidecar-injector[-<revision>]`) would inject now, i.e. pods injected before an upgrade.
 * Reported once per namespace, naming the pods. Nothing is reported without the injector's ConfigMap.
 */
export const PROXY_IMAGE_MISMATCH = 'IST0158';

const PROXY_IMAGE_ANNOTATION = 'sidecar.istio.io/proxyImage';

/**
 * The image types a ProxyConfig, the mesh config or a pod annotation may ask for; the injector then
 * appends `-<type>` to its image. A variant of the current image is up to date, whoever asked for it.
 */
const IMAGE_TYPES = ['debug', 'distroless'];

function isCurrent(image: string, expected: string): boolean {
  return image === expected || IMAGE_TYPES.some((type) => image === `${expected}-${type}`);
}

export function analyzeProxyImages(mesh: MeshConfig): ResourceFinding[] {
  const { inventory } = mesh;
  if (!inventory.configMaps?.some(isInjectorConfigMap)) return [];
  const revisionOf = new Map<string, string>();
  for (const ns of inventory.namespaces) {
    const revision = ns.labels[REVISION_LABEL];
    if (revision !== undefined) revisionOf.set(ns.name, revision);
    else if (ns.labels[INJECTION_LABEL] === 'enabled') revisionOf.set(ns.name, 'default');
  }
  const mismatched = new Map<string, { pods: string[]; expected: string }>();
  for (const pod of inventory.pods) {
    const revision = revisionOf.get(pod.namespace);
    if (revision === undefined || pod.proxyImage === undefined) continue;
    const injector = findConfigMap(inventory, injectorConfigMapName(revision));
    const expected = injector && injectorProxyImage(injector);
    if (!expected || isCurrent(pod.proxyImage, expected)) continue;
    // A pod that names its own proxy image never gets the injector's.
    if (podAnnotations(pod, inventory)?.[PROXY_IMAGE_ANNOTATION]) continue;
    const entry = mismatched.get(pod.namespace) ?? { pods: [], expected };
    entry.pods.push(pod.name);
    mismatched.set(pod.namespace, entry);
  }
  return [...mismatched].map(([namespace, { pods, expected }]) => ({
    resource: { kind: 'Namespace', namespace: '', name: namespace },
    validation: {
      code: PROXY_IMAGE_MISMATCH,
      severity: 'warning',
      message: `The Istio proxy image of ${pods.length === 1 ? 'pod' : 'pods'} ${pods.join(', ')} in namespace ${namespace} is not ${expected}, the image the injector uses now. This often happens after upgrading the control plane: restart or redeploy the pods' workloads to get the current proxy.`,
    },
  }));
}
