import type { IstioObject } from '@/lib/mesh/types';
import { isGatewayRef, isRoute, isServiceRef, parentRefsOf } from '@/lib/mesh/istio/route-refs';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/** Kiali's KIA1401: "Route is pointing to a non-existent or inaccessible K8s gateway". */
export const ROUTE_GATEWAY_NOT_FOUND_CODE = 'KIA1401';
/** Kiali's KIA1402: "Reference doesn't have a valid service (Service name not found)". */
export const ROUTE_SERVICE_NOT_FOUND_CODE = 'KIA1402';

/**
 * A route's parent must exist: a Gateway API Gateway (ingress or waypoint), or for GAMMA a Service.
 * Without it the route attaches nowhere and routes nothing.
 */
export function checkRouteParentNotFound(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (!isRoute(obj)) return [];
  return parentRefsOf(obj).flatMap((ref): Validation[] => {
    const key = `${ref.namespace}/${ref.name}`;
    if (isGatewayRef(ref)) {
      const found = mesh.objects.some(
        (o) => o.kind === 'K8sGateway' && o.namespace === ref.namespace && o.name === ref.name,
      );
      return found
        ? []
        : [
            {
              code: ROUTE_GATEWAY_NOT_FOUND_CODE,
              severity: 'error',
              message: `Gateway (Gateway API) '${key}' does not exist, so this ${obj.kind} is attached to nothing there. Create the Gateway or fix the parentRef.`,
              path: formatPath(ref.path),
            },
          ];
    }
    if (isServiceRef(ref)) {
      const found = mesh.inventory.services.some(
        (s) => s.namespace === ref.namespace && s.name === ref.name,
      );
      return found
        ? []
        : [
            {
              code: ROUTE_SERVICE_NOT_FOUND_CODE,
              severity: 'error',
              message: `Service '${key}' does not exist, so this ${obj.kind} routes no mesh traffic for it. Create the Service or fix the parentRef.`,
              path: formatPath(ref.path),
            },
          ];
    }
    return [];
  });
}
