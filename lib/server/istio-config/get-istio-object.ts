import 'server-only';
import type { IstioKind } from '@/lib/kube/resources';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import { readLive } from './live';
import { checkManifestText } from './validate-manifest';

export interface IstioObjectDocument {
  readonly kind: IstioKind;
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion: string;
  /** The editable manifest (no server-owned fields) as YAML, and the same as JSON. */
  readonly yaml: string;
  readonly object: Record<string, unknown>;
  readonly validations: readonly LocatedValidation[];
}

export async function getIstioObject(
  kind: IstioKind,
  namespace: string,
  name: string,
): Promise<IstioObjectDocument> {
  const live = await readLive(kind, namespace, name);
  const checked = await checkManifestText(live.yaml, namespace);
  return {
    kind,
    namespace,
    name,
    resourceVersion: live.resourceVersion,
    yaml: live.yaml,
    object: checked.ok ? checked.manifest : live.raw,
    validations: checked.validations,
  };
}
