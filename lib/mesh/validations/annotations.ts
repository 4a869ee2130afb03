import { z } from 'zod';
import registry from './data/istio-annotations.json';
import { ANNOTATION_VALUE_CHECKS } from './annotation-values';
import { isSystemNamespace } from './system-namespaces';
import type { MeshConfig, ResourceFinding, ResourceRef, Validation } from './types';

/**
 * istioctl's annotations.K8sAnalyzer (pkg/config/analysis/analyzers/annotations/annotations.go) on
 * Namespaces, Services, Pods and Deployments (a Deployment's own annotations, not its pod template's):
 * IST0108 an annotation in Istio's domain that Istio does not define, IST0135 a deprecated one,
 * IST0107 one on a kind it does not apply to, IST0125 a value Istio's injector refuses.
 */
export const UNKNOWN_ANNOTATION_CODE = 'IST0108';
export const DEPRECATED_ANNOTATION_CODE = 'IST0135';
export const MISPLACED_ANNOTATION_CODE = 'IST0107';
export const INVALID_ANNOTATION_CODE = 'IST0125';

const INJECT = 'sidecar.istio.io/inject';

const AnnotationDef = z.object({
  name: z.string(),
  resources: z.array(z.string()),
  deprecated: z.boolean().optional(),
});
type AnnotationDef = z.infer<typeof AnnotationDef>;

const DEFINED = new Map(
  z
    .array(AnnotationDef)
    .parse(registry)
    .map((d) => [d.name, d]),
);

/** Istio analyzes every annotation whose prefix ends in istio.io, and the one Kubernetes annotation it documents. */
function inIstioDomain(annotation: string): boolean {
  if (annotation === 'kubernetes.io/ingress.class') return true;
  return (annotation.split('/')[0] ?? '').endsWith('istio.io');
}

interface Annotated {
  readonly resource: ResourceRef;
  readonly annotations: Readonly<Record<string, string>>;
  /** The object's own labels; undefined when unknown (a Deployment's, which the inventory lacks). */
  readonly labels: Readonly<Record<string, string>> | undefined;
}

function annotatedObjects(mesh: MeshConfig): Annotated[] {
  const { namespaces, services, pods, workloads } = mesh.inventory;
  return [
    ...namespaces.map((ns) => ({
      resource: { kind: 'Namespace', namespace: '', name: ns.name },
      annotations: ns.annotations,
      labels: ns.labels,
    })),
    ...services.flatMap((s) =>
      s.annotations
        ? [
            {
              resource: { kind: 'Service', namespace: s.namespace, name: s.name },
              annotations: s.annotations,
              labels: s.labels ?? {},
            },
          ]
        : [],
    ),
    ...pods.flatMap((p) =>
      p.annotations
        ? [
            {
              resource: { kind: 'Pod', namespace: p.namespace, name: p.name },
              annotations: p.annotations,
              labels: p.labels,
            },
          ]
        : [],
    ),
    ...workloads.flatMap((w) =>
      w.kind === 'Deployment' && w.objectAnnotations
        ? [
            {
              resource: { kind: 'Deployment', namespace: w.namespace, name: w.name },
              annotations: w.objectAnnotations,
              labels: undefined,
            },
          ]
        : [],
    ),
  ].filter((o) => !isSystemNamespace(o.resource.namespace));
}

const pathOf = (annotation: string) => `metadata.annotations["${annotation}"]`;

function deprecation(obj: Annotated, name: string): Validation | undefined {
  // Someone who also set the label knows; and a Deployment's own labels are not in the inventory.
  if (name === INJECT && (obj.labels === undefined || INJECT in obj.labels)) return undefined;
  const instead = name === INJECT ? ` in favor of the "${INJECT}" label` : '';
  return {
    code: DEPRECATED_ANNOTATION_CODE,
    severity: 'info',
    message: `Annotation "${name}" has been deprecated${instead} and may not work in future Istio versions.`,
    path: pathOf(name),
  };
}

function misplacement(obj: Annotated, def: AnnotationDef): Validation | undefined {
  const kind = obj.resource.kind;
  if (def.resources.includes('Any') || def.resources.includes(kind)) return undefined;
  const where = def.resources.join(', ');
  const hint =
    kind === 'Deployment' && def.resources.includes('Pod')
      ? ' Move it to the pod template (spec.template.metadata.annotations), where the pods get it.'
      : ` Move it to the ${where} it is meant for, or remove it.`;
  return {
    code: MISPLACED_ANNOTATION_CODE,
    severity: 'warning',
    message: `Misplaced annotation: ${def.name} can only be applied to ${where}, not to this ${kind}: Istio ignores it here.${hint}`,
    path: pathOf(def.name),
  };
}

function invalidity(name: string, value: string): Validation | undefined {
  const problem = ANNOTATION_VALUE_CHECKS[name]?.(value);
  if (problem === undefined) return undefined;
  return {
    code: INVALID_ANNOTATION_CODE,
    severity: 'warning',
    message: `Invalid annotation ${name}: ${problem}. Istio's sidecar injector refuses this value; fix it before the pod is recreated.`,
    path: pathOf(name),
  };
}

function annotationFindings(obj: Annotated, name: string, value: string): Validation[] {
  const def = DEFINED.get(name);
  if (!def) {
    return [
      {
        code: UNKNOWN_ANNOTATION_CODE,
        severity: 'warning',
        message: `Unknown annotation: ${name}. Istio defines no annotation of that name, so it has no effect; check its spelling against Istio's annotation reference.`,
        path: pathOf(name),
      },
    ];
  }
  const deprecated = def.deprecated ? deprecation(obj, name) : undefined;
  const wrongPlace = misplacement(obj, def);
  // A value is only checked where the annotation takes effect, as istioctl does.
  const badValue =
    wrongPlace || def.resources.includes('Any') ? undefined : invalidity(name, value);
  return [deprecated, wrongPlace, badValue].filter((v): v is Validation => v !== undefined);
}

export function analyzeAnnotations(mesh: MeshConfig): ResourceFinding[] {
  return annotatedObjects(mesh).flatMap((obj) =>
    Object.entries(obj.annotations)
      .filter(([name]) => inIstioDomain(name))
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([name, value]) =>
        annotationFindings(obj, name, value).map((validation) => ({
          resource: obj.resource,
          validation,
        })),
      ),
  );
}
