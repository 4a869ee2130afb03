import 'server-only';
import { manifestToObject, parseManifest } from '@/lib/mesh/istio/yaml';
import { refusedFindings, SEMANTIC_CHECKS, sortValidations } from '@/lib/mesh/validations';
import type { LocatedValidation, MeshConfig } from '@/lib/mesh/validations/types';
import type { IstioObject } from '@/lib/mesh/types';
import { CRD_SCHEMAS, readMeshConfig } from './mesh-config';

/** Objects about to be written together with this one (a routing form's DestinationRule), as if stored. */
function companions(texts: readonly string[], namespace: string): IstioObject[] {
  return texts.flatMap((t) => {
    const parsed = parseManifest(t);
    const obj = parsed.ok ? manifestToObject(parsed.manifest, namespace) : undefined;
    return obj ? [obj] : [];
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
 * Parses and validates an edited YAML text: syntax, then the CRD schema, then the semantic checks
 * against the live mesh with this object (and `alongside`, objects to be written with it) in place of
 * their stored versions. `ok` is false when the text
 * cannot be written at all (syntax, limits, schema, Istio's weight rule); semantic findings are
 * reported, and their errors block a write only until the person chooses to apply anyway.
 */
export async function checkManifestText(
  text: string,
  defaultNamespace?: string,
  alongside: readonly string[] = [],
): Promise<CheckedManifest> {
  const parsed = parseManifest(text);
  if (!parsed.ok) return parsed;
  const locate = (list: readonly { path?: string }[]): LocatedValidation[] =>
    sortValidations(list as LocatedValidation[]).map((v) => ({
      ...v,
      line: parsed.positions.lineOf(v.path ?? ''),
    }));
  const obj = manifestToObject(parsed.manifest, defaultNamespace ?? 'default');
  const refused = refusedFindings(parsed.manifest, obj, CRD_SCHEMAS);
  if (refused.length > 0) return { ok: false, validations: locate(refused) };
  if (!obj) return { ok: true, manifest: parsed.manifest, validations: [] };
  const { mesh } = await readMeshConfig();
  const edits = [obj, ...companions(alongside, defaultNamespace ?? 'default')];
  const same = (a: IstioObject, b: IstioObject): boolean =>
    a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
  const withEdit: MeshConfig = {
    ...mesh,
    objects: [...mesh.objects.filter((o) => !edits.some((e) => same(e, o))), ...edits],
  };
  return {
    ok: true,
    manifest: parsed.manifest,
    validations: locate(SEMANTIC_CHECKS.flatMap((check) => check(obj, withEdit))),
  };
}
