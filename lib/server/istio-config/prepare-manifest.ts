import 'server-only';
import type { IstioKind } from '@/lib/kube/resources';
import { isClusterScoped, kindOfManifest } from '@/lib/mesh/istio/kinds';
import { isRecord } from '@/lib/mesh/istio/read';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import { validateSchema } from '@/lib/mesh/validations/schema';
import { IstioInvalidError } from './errors';
import { CRD_SCHEMAS } from './mesh-config';
import { checkManifestText } from './validate-manifest';

export interface Target {
  readonly namespace: string;
  /** Absent on create: the manifest names the kind and object. */
  readonly kind?: IstioKind;
  readonly name?: string;
}

export interface PreparedManifest {
  readonly kind: IstioKind;
  readonly name: string;
  /** The manifest with the target namespace filled in; what goes to the API server. */
  readonly body: Record<string, unknown>;
  readonly validations: readonly LocatedValidation[];
  /** Analyzer errors the person chose to apply anyway; empty when there were none. */
  readonly overridden: readonly LocatedValidation[];
}

function mismatch(message: string, path: string): IstioInvalidError {
  return new IstioInvalidError([{ code: 'MESHLENS-003', severity: 'error', message, path }]);
}

/**
 * Checks an edited text before any write: one document, valid YAML within bounds, the CRD schema,
 * Istio's weight rule, no analyzer error unless `applyAnyway` (the mesh seen with `alongside`, objects
 * written in the same step, as if stored), and the object it names is the one the
 * URL names (a renamed object would be a create in disguise). Throws a 422 with the findings and their
 * lines; nothing is written then. Warnings never block.
 */
export async function prepareManifest(
  text: string,
  target: Target,
  { applyAnyway, alongside }: { applyAnyway: boolean; alongside: readonly string[] },
): Promise<PreparedManifest> {
  const checked = await checkManifestText(text, target.namespace, alongside);
  if (!checked.ok) throw new IstioInvalidError(checked.validations);
  const { manifest } = checked;
  // /api/istio/validate checks Kubernetes objects too; only Istio and Gateway API objects are written.
  if (!kindOfManifest(manifest.apiVersion, manifest.kind))
    throw new IstioInvalidError(validateSchema(manifest, CRD_SCHEMAS));
  const meta = isRecord(manifest.metadata) ? manifest.metadata : {};
  // The schema accepted the text, so the kind is one of ours; `Gateway` is told apart by group.
  const kind = kindOfManifest(manifest.apiVersion, manifest.kind) as IstioKind;
  const name = String(meta.name);
  if (target.kind && kind !== target.kind)
    throw mismatch(
      `kind is ${kind} but this is a ${target.kind}; create a new object to change the kind.`,
      'kind',
    );
  if (target.name && name !== target.name)
    throw mismatch(
      `metadata.name is '${name}' but this object is '${target.name}'; use "New" to make a copy under another name.`,
      'metadata.name',
    );
  if (isClusterScoped(kind) !== (target.namespace === ''))
    throw mismatch(
      isClusterScoped(kind)
        ? `a ${kind} belongs to the cluster, not to namespace '${target.namespace}'; create it from the cluster-wide list.`
        : `a ${kind} lives in a namespace; choose one to create it in.`,
      'kind',
    );
  if (isClusterScoped(kind) && meta.namespace !== undefined)
    throw mismatch(`a ${kind} has no namespace; remove metadata.namespace.`, 'metadata.namespace');
  if (meta.namespace !== undefined && meta.namespace !== target.namespace)
    throw mismatch(
      `metadata.namespace is '${String(meta.namespace)}' but the object goes to '${target.namespace}'.`,
      'metadata.namespace',
    );
  const errors = checked.validations.filter((v) => v.severity === 'error');
  if (errors.length > 0 && !applyAnyway)
    throw new IstioInvalidError(checked.validations, { overridable: true });
  return {
    kind,
    name,
    body: {
      ...manifest,
      metadata: isClusterScoped(kind) ? meta : { ...meta, namespace: target.namespace },
    },
    validations: checked.validations,
    overridden: errors,
  };
}
