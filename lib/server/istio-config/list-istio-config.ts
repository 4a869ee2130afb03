import 'server-only';
import type { IstioConfigItem, IstioListResponse, OtherConfigItem } from '@/lib/api/istio';
import { canListClusterKind, visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { readUnknownKindObjects } from '@/lib/kube/unknown-kinds';
import { kubeFindingEntries, withMeshFindings } from '@/lib/mesh/analysis/place-findings';
import { toManifest, validateIstioObject } from '@/lib/mesh/validations';
import { runMeshAnalyzers } from '@/lib/mesh/analysis/run-analyzers';
import type { IstioObject } from '@/lib/mesh/types';
import { CRD_SCHEMAS, readMeshConfig } from './mesh-config';
import { visibleItems } from './visible-items';

export interface ListIstioConfigRequest {
  readonly namespaces?: readonly string[];
  readonly kinds?: readonly IstioObject['kind'][];
}

/** The mesh's objects with their validations, and the Kubernetes objects the mesh analyzers found something on. */
export interface ValidatedMesh {
  readonly istio: readonly IstioConfigItem[];
  readonly kube: readonly OtherConfigItem[];
}

let memo: { readonly revision: string; readonly validated: ValidatedMesh } | undefined;

/**
 * Every object of the mesh with its validations, and the mesh analyzers' findings placed on the
 * objects they name. Checks look across namespaces (a VirtualService here may route to a
 * DestinationRule there), so the whole mesh is validated at once and kept until the informer caches
 * (or the polled Secrets and ConfigMaps) change: viewers and refreshes in between cost nothing.
 */
export async function validatedMesh(): Promise<ValidatedMesh> {
  const { mesh, revision } = await readMeshConfig();
  if (memo?.revision === revision) return memo.validated;
  // One analyzer that throws costs its own findings, not the whole list.
  const findings = runMeshAnalyzers(mesh, (what, err) =>
    console.error(`Meshlens: ${what} failed: ${err instanceof Error ? err.message : String(err)}`),
  );
  const istio = mesh.objects.map((obj) => ({
    kind: obj.kind,
    namespace: obj.namespace,
    name: obj.name,
    resourceVersion: obj.resourceVersion,
    validations: withMeshFindings(
      obj,
      validateIstioObject(obj, toManifest(obj), mesh, CRD_SCHEMAS),
      findings,
    ),
    editable: true as const,
  }));
  const kube = kubeFindingEntries(findings).map(
    ({ resource, apiVersion, validations }): OtherConfigItem => ({
      ...resource,
      apiVersion,
      resourceVersion: '',
      validations,
      checked: true,
      editable: false,
    }),
  );
  const validated = { istio, kube };
  memo = { revision, validated };
  return validated;
}

/** How long the list waits for the first listing of unknown kinds; it goes on in the background. */
const UNCHECKED_WAIT_MS = 3_000;

/** The objects of kinds Meshlens does not read: "not checked". Their listing never fails the list. */
async function uncheckedItems(): Promise<OtherConfigItem[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<[]>(
    (resolve) => (timer = setTimeout(() => resolve([]), UNCHECKED_WAIT_MS)),
  );
  const objects = await Promise.race([readUnknownKindObjects().catch(() => []), late]);
  clearTimeout(timer);
  return objects.map((o) => ({ ...o, validations: [], checked: false, editable: false }));
}

/**
 * The objects of the asked (else every visible) namespace; a namespace the person may not see is
 * refused. Beside the Istio objects: Kubernetes objects with findings, and objects of kinds Meshlens
 * does not check, unless the list is asked for some Istio kinds.
 */
export async function listIstioConfig(
  req: ListIstioConfigRequest,
  identity: Identity,
): Promise<IstioListResponse> {
  const visible = await visibleOrRefuse(identity, req.namespaces ?? []);
  const seen = (ns: string): boolean => identity.kind === 'anonymous' || visible.has(ns);
  // Cluster-scoped objects belong to no namespace: listed unless the person asked for namespaces.
  const clusterKinds = req.namespaces ? false : await canListClusterKind(identity, 'GatewayClass');
  const [validated, unchecked] = await Promise.all([
    validatedMesh(),
    req.kinds ? Promise.resolve([]) : uncheckedItems(),
  ]);
  return visibleItems(validated.istio, [...validated.kube, ...unchecked], {
    seen,
    clusterKinds,
    ...(req.namespaces && { namespaces: new Set(req.namespaces) }),
    ...(req.kinds && { kinds: new Set(req.kinds) }),
  });
}
