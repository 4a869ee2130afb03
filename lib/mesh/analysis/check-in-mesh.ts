/**
 * One manifest checked as if it were stored in a mesh: an Istio object by its schema, the semantic
 * checks and the mesh analyzers' findings on it; a Kubernetes object the analyzers read (a Namespace,
 * a Pod, …) by the analyzers' findings on it; any other kind is said to be unchecked, never "valid".
 */
import { kindOfManifest } from '../istio/kinds';
import { isRecord } from '../istio/read';
import { manifestToObject } from '../istio/yaml';
import { buildMeshConfig, withNamespace } from '../manifests/build-mesh';
import { manifestKind } from '../manifests/manifest-kind';
import type { Inventory, IstioObject } from '../types';
import { refusedFindings, SEMANTIC_CHECKS } from '../validations';
import type { CrdSchemas } from '../validations/schema';
import type { MeshConfig, ResourceRef, Validation } from '../validations/types';
import { findingsOn, mergeValidations } from './place-findings';
import { runMeshAnalyzers } from './run-analyzers';

/** A manifest of a kind Meshlens does not read: checked by nothing, and said so. */
export const UNCHECKED_KIND_CODE = 'MESHLENS-100';

export interface CheckInMeshResult {
  /** False when the object could not be stored at all (the CRD schema, Istio's weight rule). */
  readonly ok: boolean;
  readonly validations: readonly Validation[];
}

function keyed<T>(list: readonly T[], id: (t: T) => string, edits: readonly T[]): T[] {
  const replaced = new Set(edits.map(id));
  return [...list.filter((t) => !replaced.has(id(t))), ...edits];
}

const nsName = (o: { namespace: string; name: string }): string => `${o.namespace}/${o.name}`;

/** The live inventory with the edited Kubernetes objects in place of their stored versions. */
function withInventoryEdits(live: Inventory, edits: Inventory): Inventory {
  const replace = <T>(
    list: readonly T[] | undefined,
    next: readonly T[] | undefined,
    id: (t: T) => string,
  ): T[] | undefined => (list === undefined ? undefined : keyed(list, id, next ?? []));
  return {
    ...live,
    namespaces: keyed(live.namespaces, (n) => n.name, edits.namespaces),
    services: keyed(live.services, nsName, edits.services),
    workloads: keyed(live.workloads, (w) => `${w.kind}/${nsName(w)}`, edits.workloads),
    pods: keyed(live.pods, nsName, edits.pods),
    // Unknown stays unknown: one posted Secret does not make every other credential missing.
    ...(live.secrets && { secrets: replace(live.secrets, edits.secrets, nsName) }),
    ...(live.configMaps && { configMaps: replace(live.configMaps, edits.configMaps, nsName) }),
  };
}

/** The mesh with these manifests in place of the stored objects of the same kind, namespace and name. */
export function placeInMesh(
  mesh: MeshConfig,
  manifests: readonly Record<string, unknown>[],
  defaultNamespace: string,
): MeshConfig {
  const istio: IstioObject[] = [];
  const kube: Record<string, unknown>[] = [];
  for (const m of manifests) {
    const kind = manifestKind(m);
    if (kind?.type === 'kube')
      kube.push(withNamespace(m, kind.kind === 'Namespace', defaultNamespace));
    const obj = kind?.type === 'istio' ? manifestToObject(m, defaultNamespace) : undefined;
    if (obj) istio.push(obj);
  }
  const id = (o: IstioObject): string => `${o.kind}/${nsName(o)}`;
  // The live Namespaces come first, so that a posted Deployment knows whether its namespace injects.
  const namespaces = mesh.inventory.namespaces.map((n) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: n.name, labels: n.labels, annotations: n.annotations },
  }));
  const edits = buildMeshConfig([...namespaces, ...kube]).inventory;
  return {
    ...mesh,
    objects: keyed(mesh.objects, id, istio),
    inventory: kube.length === 0 ? mesh.inventory : withInventoryEdits(mesh.inventory, edits),
  };
}

function refOf(
  manifest: Record<string, unknown>,
  kind: string,
  defaultNamespace: string,
): ResourceRef {
  const meta = isRecord(manifest.metadata) ? manifest.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (kind === 'Namespace') return { kind, namespace: '', name };
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : defaultNamespace;
  return { kind, namespace, name };
}

/**
 * What can be said of `manifest` without the mesh: a kind nothing checks, or an Istio object its CRD
 * schema (or Istio's weight rule) refuses. Undefined when the mesh must be asked.
 */
export function checkAlone(
  manifest: Record<string, unknown>,
  defaultNamespace: string,
  schemas: CrdSchemas,
): CheckInMeshResult | undefined {
  const kind = manifestKind(manifest);
  if (kind?.type === 'kube') return undefined;
  // An Istio kind under the wrong group still goes to the schema, which says which group it wants.
  const unchecked =
    !kind &&
    typeof manifest.kind === 'string' &&
    manifest.kind !== '' &&
    !kindOfManifest(manifest.apiVersion, manifest.kind);
  if (unchecked)
    return {
      ok: true,
      validations: [
        {
          code: UNCHECKED_KIND_CODE,
          severity: 'info',
          message: `Meshlens does not check ${String(manifest.kind)}; nothing was checked.`,
          path: 'kind',
        },
      ],
    };
  const obj = manifestToObject(manifest, defaultNamespace);
  const refused = refusedFindings(manifest, obj, schemas);
  if (refused.length > 0) return { ok: false, validations: refused };
  return obj ? undefined : { ok: true, validations: [] };
}

/**
 * Checks `manifest` (with `alongside`, objects written in the same step) in place in `mesh`. An
 * Istio object the schema refuses gets only the schema's findings: semantic checks on a malformed
 * spec would report noise on top of the real problem.
 */
export function checkInMesh(
  manifest: Record<string, unknown>,
  alongside: readonly Record<string, unknown>[],
  mesh: MeshConfig,
  defaultNamespace: string,
  schemas: CrdSchemas,
): CheckInMeshResult {
  const alone = checkAlone(manifest, defaultNamespace, schemas);
  if (alone) return alone;
  const placed = placeInMesh(mesh, [manifest, ...alongside], defaultNamespace);
  // A mesh analyzer that throws costs its own findings, not the whole answer.
  const findings = runMeshAnalyzers(placed, () => undefined);
  const kind = manifestKind(manifest);
  if (kind?.type === 'kube')
    return {
      ok: true,
      validations: findingsOn(findings, refOf(manifest, kind.kind, defaultNamespace)),
    };
  const obj = manifestToObject(manifest, defaultNamespace);
  if (!obj) return { ok: true, validations: [] };
  return {
    ok: true,
    validations: mergeValidations(
      SEMANTIC_CHECKS.flatMap((check) => check(obj, placed)),
      findingsOn(findings, obj),
    ),
  };
}
