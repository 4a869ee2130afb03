import 'server-only';
import { checkAlone, checkInMesh } from '@/lib/mesh/analysis/check-in-mesh';
import { parseManifest } from '@/lib/mesh/istio/yaml';
import { sortValidations } from '@/lib/mesh/validations';
import type { LocatedValidation } from '@/lib/mesh/validations/types';
import { CRD_SCHEMAS, readMeshConfig } from './mesh-config';

/** Objects about to be written together with this one (a routing form's DestinationRule), as if stored. */
function companions(texts: readonly string[]): Record<string, unknown>[] {
  return texts.flatMap((t) => {
    const parsed = parseManifest(t);
    return parsed.ok ? [parsed.manifest] : [];
  });
}

export type CheckedManifest =
  | {
      readonly ok: true;
      readonly manifest: Record<string, unknown>;
      readonly validations: LocatedValidation[];
    }
  | { readonly ok: false; readonly validations: LocatedValidation[] };

/**
 * Parses and validates an edited YAML text: syntax, then the CRD schema, then the semantic checks and
 * the mesh analyzers against the live mesh with this object (and `alongside`, objects to be written
 * with it) in place of their stored versions. A Namespace, Pod, Service, Deployment, Secret or
 * ConfigMap gets the mesh analyzers' findings on it; another kind one info saying nothing was checked.
 * `ok` is false when the text cannot be written at all (syntax, limits, schema, Istio's weight rule);
 * semantic findings are reported, and their errors block a write only until the person chooses to
 * apply anyway.
 */
export async function checkManifestText(
  text: string,
  defaultNamespace?: string,
  alongside: readonly string[] = [],
): Promise<CheckedManifest> {
  const parsed = parseManifest(text);
  if (!parsed.ok) return parsed;
  const namespace = defaultNamespace ?? 'default';
  // A text the schema refuses is answered without the mesh, even while the caches are not ready.
  const checked =
    checkAlone(parsed.manifest, namespace, CRD_SCHEMAS) ??
    checkInMesh(
      parsed.manifest,
      companions(alongside),
      (await readMeshConfig()).mesh,
      namespace,
      CRD_SCHEMAS,
    );
  const validations = sortValidations(checked.validations).map((v) => ({
    ...v,
    line: parsed.positions.lineOf(v.path ?? ''),
  }));
  return checked.ok
    ? { ok: true, manifest: parsed.manifest, validations }
    : { ok: false, validations };
}
