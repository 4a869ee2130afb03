import 'server-only';
import type { IstioConfigItem, IstioListResponse } from '@/lib/api/istio';
import { canListClusterKind, visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { toManifest, validateIstioObject } from '@/lib/mesh/validations';
import { isClusterScoped } from '@/lib/mesh/istio/kinds';
import type { IstioObject } from '@/lib/mesh/types';
import { CRD_SCHEMAS, readMeshConfig } from './mesh-config';

export interface ListIstioConfigRequest {
  readonly namespaces?: readonly string[];
  readonly kinds?: readonly IstioObject['kind'][];
}

let memo: { readonly revision: string; readonly items: readonly IstioConfigItem[] } | undefined;

/**
 * Every object of the mesh with its validations. Checks look across namespaces (a VirtualService here
 * may route to a DestinationRule there), so the whole mesh is validated at once and kept until the
 * informer caches change: viewers and refreshes in between cost nothing.
 */
export async function validatedMesh(): Promise<readonly IstioConfigItem[]> {
  const { mesh, revision } = await readMeshConfig();
  if (memo?.revision === revision) return memo.items;
  const items = mesh.objects.map((obj) => ({
    kind: obj.kind,
    namespace: obj.namespace,
    name: obj.name,
    resourceVersion: obj.resourceVersion,
    validations: validateIstioObject(obj, toManifest(obj), mesh, CRD_SCHEMAS),
    editable: true as const,
  }));
  memo = { revision, items };
  return items;
}

/** The objects of the asked (else every visible) namespace; a namespace the person may not see is refused. */
export async function listIstioConfig(
  req: ListIstioConfigRequest,
  identity: Identity,
): Promise<IstioListResponse> {
  const visible = await visibleOrRefuse(identity, req.namespaces ?? []);
  const namespaces = req.namespaces && new Set(req.namespaces);
  const kinds = req.kinds && new Set(req.kinds);
  const seen = (ns: string): boolean => identity.kind === 'anonymous' || visible.has(ns);
  // Cluster-scoped objects belong to no namespace: listed unless the person asked for namespaces.
  const clusterKinds = namespaces ? false : await canListClusterKind(identity, 'GatewayClass');
  return (await validatedMesh()).filter(
    (i) =>
      (isClusterScoped(i.kind)
        ? clusterKinds
        : seen(i.namespace) && (!namespaces || namespaces.has(i.namespace))) &&
      (!kinds || kinds.has(i.kind)),
  );
}
