import type { IstioObject } from '@/lib/mesh/types';
import {
  backendRefsOf,
  isRoute,
  isServiceRef,
  referenceGranted,
} from '@/lib/mesh/istio/route-refs';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/** Neither istioctl nor Kiali has a code for it; the controller sets ResolvedRefs False, RefNotPermitted. */
export const REFERENCE_NOT_PERMITTED_CODE = 'MESHLENS-101';

/**
 * A backendRef into another namespace needs a ReferenceGrant there allowing this kind from this
 * namespace to that Service; without one the Gateway API forbids the reference and the backend gets
 * no traffic.
 */
export function checkRouteReferenceGrant(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (!isRoute(obj)) return [];
  const grants = mesh.objects.filter((o) => o.kind === 'ReferenceGrant');
  return backendRefsOf(obj)
    .filter((ref) => isServiceRef(ref) && ref.namespace !== obj.namespace)
    .filter((ref) => !referenceGranted(grants, obj.kind, obj.namespace, ref))
    .map((ref) => ({
      code: REFERENCE_NOT_PERMITTED_CODE,
      severity: 'error',
      message: `No ReferenceGrant in namespace '${ref.namespace}' lets a ${obj.kind} of '${obj.namespace}' refer to Service '${ref.name}', so this backend is refused (RefNotPermitted). Add a ReferenceGrant in '${ref.namespace}' from ${obj.kind} in '${obj.namespace}' to Service.`,
      path: formatPath(ref.path),
    }));
}
