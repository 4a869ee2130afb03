import type { InventoryPod, IstioObject } from '@/lib/mesh/types';
import { labelsMatch } from './spec-walk';
import {
  INJECTION_LABEL,
  REVISION_LABEL,
  findConfigMap,
  imageTypeOf,
  injectorConfigMapName,
  injectorProxyImage,
  isInjectorConfigMap,
  parseYaml,
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
const PROXY_CONFIG_ANNOTATION = 'proxy.istio.io/config';

function proxyConfigSelector(pc: IstioObject): Readonly<Record<string, unknown>> | undefined {
  const selector = pc.spec.selector;
  const labels =
    typeof selector === 'object' && selector !== null
      ? (selector as Record<string, unknown>).matchLabels
      : undefined;
  return typeof labels === 'object' && labels !== null
    ? (labels as Record<string, unknown>)
    : undefined;
}

/**
 * The image variant (`distroless`, …) the pod's proxy runs: mesh config `defaultConfig`, then a
 * ProxyConfig of the root namespace, of the pod's namespace, one selecting the pod, then the pod's
 * `proxy.istio.io/config` annotation, the last that says winning. `default` is no variant.
 */
function imageVariant(
  mesh: MeshConfig,
  pod: InventoryPod,
  annotations: Readonly<Record<string, string>>,
): string | undefined {
  const root = mesh.rootNamespace ?? 'istio-system';
  const meshConfig = parseYaml(findConfigMap(mesh.inventory, 'istio')?.data.mesh);
  const defaultConfig =
    typeof meshConfig === 'object' && meshConfig !== null
      ? (meshConfig as Record<string, unknown>).defaultConfig
      : undefined;
  const proxyConfigs = mesh.objects.filter((o) => o.kind === 'ProxyConfig');
  const layers: unknown[] = [
    defaultConfig,
    ...proxyConfigs.filter((pc) => pc.namespace === root).map((pc) => pc.spec),
    ...proxyConfigs
      .filter((pc) => pc.namespace === pod.namespace && pc.namespace !== root)
      .filter((pc) => proxyConfigSelector(pc) === undefined)
      .map((pc) => pc.spec),
    ...proxyConfigs
      .filter((pc) => pc.namespace === pod.namespace && pc.namespace !== root)
      .filter((pc) => {
        const selector = proxyConfigSelector(pc);
        return selector !== undefined && labelsMatch(selector, pod.labels);
      })
      .map((pc) => pc.spec),
    parseYaml(annotations[PROXY_CONFIG_ANNOTATION]),
  ];
  const variant = layers.reduce<string | undefined>(
    (v, layer) => imageTypeOf(layer) ?? v,
    undefined,
  );
  return variant === 'default' ? undefined : variant;
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
    if (!expected) continue;
    const annotations = podAnnotations(pod, inventory) ?? {};
    // A pod that names its own proxy image never gets the injector's.
    if (annotations[PROXY_IMAGE_ANNOTATION]) continue;
    const variant = imageVariant(mesh, pod, annotations);
    if (pod.proxyImage === expected || (variant && pod.proxyImage === `${expected}-${variant}`))
      continue;
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
