import type { IstioObject } from '@/lib/mesh/types';
import { backendRefsOf, isRoute, isServiceRef } from '@/lib/mesh/istio/route-refs';
import { formatPath } from './path';
import { ROUTE_SERVICE_NOT_FOUND_CODE } from './route-parent-not-found';
import type { MeshConfig, Validation } from './types';

/**
 * A Service backendRef must name a Service in its namespace (the route's unless the ref says another).
 * The controller answers requests for a missing backend with a 500; Kiali reports KIA1402.
 */
export function checkRouteBackendNotFound(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (!isRoute(obj)) return [];
  return backendRefsOf(obj)
    .filter(isServiceRef)
    .filter(
      (ref) =>
        !mesh.inventory.services.some((s) => s.namespace === ref.namespace && s.name === ref.name),
    )
    .map((ref) => ({
      code: ROUTE_SERVICE_NOT_FOUND_CODE,
      severity: 'error',
      message: `Service '${ref.namespace}/${ref.name}' does not exist; requests this rule sends to it fail (500). Create it or fix the backendRef.`,
      path: formatPath(ref.path),
    }));
}
