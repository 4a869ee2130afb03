import type { MeshConfig, ResourceFinding } from './types';

/**
 * IST0147 ImageAutoWithoutInjectionError, as istioctl's injection.ImageAutoAnalyzer
 * (pkg/config/analysis/analyzers/injection/image-auto.go) reports it on pods: an `istio-proxy`
 * container still reading `image: auto`. The injector replaces that placeholder when it injects the
 * pod, so a pod that kept it was never injected and its proxy cannot start. (The Deployment warning,
 * IST0146, needs the injection webhooks' selectors, which Meshlens does not read.)
 */
export const IMAGE_AUTO_WITHOUT_INJECTION = 'IST0147';

const AUTO = 'auto';

export function analyzeImageAuto(mesh: MeshConfig): ResourceFinding[] {
  return mesh.inventory.pods
    .filter((pod) => pod.proxyImage === AUTO)
    .map((pod) => ({
      resource: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
      validation: {
        code: IMAGE_AUTO_WITHOUT_INJECTION,
        severity: 'error',
        message: `Pod ${pod.namespace}/${pod.name} has an istio-proxy container with "image: auto" but was not injected, so its proxy cannot start. Label its namespace istio-injection=enabled (or the pod sidecar.istio.io/inject=true) and recreate it.`,
      },
    }));
}
