import { analyzeMesh, MESH_ANALYZERS } from '../validations';
import type { MeshConfig, ResourceFinding } from '../validations/types';

/** Called with what failed, so that one broken analyzer costs its own findings only. */
export type OnAnalyzerError = (what: string, error: unknown) => void;

/**
 * analyzeMesh's findings; when an analyzer throws (on data no test foresaw), each is run again on
 * its own, the ones that throw are reported to `onError`, and the others' findings are kept.
 */
export function runMeshAnalyzers(mesh: MeshConfig, onError: OnAnalyzerError): ResourceFinding[] {
  try {
    return analyzeMesh(mesh);
  } catch {
    return MESH_ANALYZERS.flatMap((analyze) => {
      try {
        return analyze(mesh);
      } catch (err) {
        onError(analyze.name || 'a mesh analyzer', err);
        return [];
      }
    });
  }
}
