import 'server-only';
import { manifestToObject, parseManifest } from '@/lib/mesh/istio-yaml';
import { SEMANTIC_CHECKS, sortValidations } from '@/lib/mesh/validations';
import { validateSchema } from '@/lib/mesh/validations/schema';
import type { LocatedValidation, MeshConfig } from '@/lib/mesh/validations/types';
import { CRD_SCHEMAS, readMeshConfig } from './mesh-config';

export type CheckedManifest =
  | {
      readonly ok: true;
      readonly manifest: Record<string, unknown>;
      readonly validations: LocatedValidation[];
    }
  | { readonly ok: false; readonly validations: LocatedValidation[] };

/**
 * Parses and validates an edited YAML text: syntax, then the CRD schema, then the semantic checks
 * against the live mesh with this object in place of its stored version. `ok` is false when the text
 * cannot be written at all (syntax or schema); semantic findings are reported but do not block.
 */
export async function checkManifestText(
  text: string,
  defaultNamespace?: string,
): Promise<CheckedManifest> {
  const parsed = parseManifest(text);
  if (!parsed.ok) return parsed;
  const locate = (list: readonly { path?: string }[]): LocatedValidation[] =>
    sortValidations(list as LocatedValidation[]).map((v) => ({
      ...v,
      line: parsed.positions.lineOf(v.path ?? ''),
    }));
  const schema = validateSchema(parsed.manifest, CRD_SCHEMAS);
  if (schema.length > 0) return { ok: false, validations: locate(schema) };
  const obj = manifestToObject(parsed.manifest, defaultNamespace ?? 'default');
  if (!obj) return { ok: true, manifest: parsed.manifest, validations: [] };
  const { mesh } = await readMeshConfig();
  const withEdit: MeshConfig = {
    ...mesh,
    objects: [
      ...mesh.objects.filter(
        (o) => !(o.kind === obj.kind && o.namespace === obj.namespace && o.name === obj.name),
      ),
      obj,
    ],
  };
  return {
    ok: true,
    manifest: parsed.manifest,
    validations: locate(SEMANTIC_CHECKS.flatMap((check) => check(obj, withEdit))),
  };
}
