import type { IstioObject } from '@/lib/mesh/types';
import { isRoute, parentConditionsOf } from '@/lib/mesh/istio/route-refs';
import type { Validation } from './types';

/** What the controller itself reported; no analyzer code exists for reading status. */
export const ROUTE_NOT_ACCEPTED_CODE = 'MESHLENS-102';

const MEANING: Readonly<Record<string, string>> = {
  Accepted: 'did not accept this route',
  ResolvedRefs: 'could not resolve all of its references',
};

/**
 * A route's `status.parents[].conditions` as the controller wrote them: Accepted or ResolvedRefs
 * False means the route (or some backend of it) is not in force at that parent. The reason and
 * message are the controller's own. Status is not part of the edited text, so no path.
 */
export function checkRouteNotAccepted(obj: IstioObject): Validation[] {
  if (!isRoute(obj)) return [];
  return parentConditionsOf(obj)
    .filter((c) => c.status === 'False' && MEANING[c.type] !== undefined)
    .map((c) => ({
      code: ROUTE_NOT_ACCEPTED_CODE,
      severity: 'error',
      message: `${c.controllerName || 'The controller'} ${MEANING[c.type]} at parent ${c.parent}: ${c.type} False${c.reason ? `, ${c.reason}` : ''}${c.message ? ` (${c.message})` : ''}.`,
    }));
}
