import { isRecord } from '@/lib/mesh/istio/read';
import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
import type { InventoryPod, IstioObject } from '@/lib/mesh/types';
import { gatewayKey } from './gateway-not-found';
import { ofKind } from './hosts';
import { formatPath, type PathSegment } from './path';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0149 JwtClaimBasedRoutingWithoutRequestAuthN, an error as in istioctl's virtualservice
 * JWTClaimRouteAnalyzer (istio/istio pkg/config/analysis/analyzers/virtualservice/jwtclaimroute.go):
 * a gateway only knows a request's JWT claims once a RequestAuthentication validated the token, so
 * a match on `@request.auth.claims.*` at a gateway whose pods none applies to never matches. As
 * istioctl, only RequestAuthentications of `istio-system` and of the pod's own namespace count.
 */
export const JWT_CLAIM_ROUTING_CODE = 'IST0149';

const CLAIM_PREFIX = '@request.auth.claims';
// Istio's analyzer looks in istio-system whatever the mesh's root namespace, and so does this check.
const ISTIO_SYSTEM = 'istio-system';

/** The first claim header an HTTP match reads, with where it is. */
function claimKey(vs: IstioObject): { key: string; path: PathSegment[] } | undefined {
  for (const rule of readVirtualServiceSpec(vs.spec).http)
    for (const { raw, path } of rule.matches)
      for (const field of ['headers', 'withoutHeaders'] as const) {
        const map = raw[field];
        const key = isRecord(map)
          ? Object.keys(map).find((k) => k.startsWith(CLAIM_PREFIX))
          : undefined;
        if (key !== undefined) return { key, path: [...path, field, key] };
      }
  return undefined;
}

function selectorOf(obj: IstioObject): Readonly<Record<string, unknown>> {
  const selector = obj.spec.selector;
  const labels = isRecord(selector) ? selector.matchLabels : undefined;
  return isRecord(labels) ? labels : {};
}

function hasRequestAuthN(pod: InventoryPod, policies: readonly IstioObject[]): boolean {
  return policies.some(
    (ra) =>
      (ra.namespace === ISTIO_SYSTEM || ra.namespace === pod.namespace) &&
      labelsMatch(selectorOf(ra), pod.labels),
  );
}

export function checkJwtClaimRouting(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  const claim = claimKey(obj);
  if (!claim) return [];
  const policies = ofKind(mesh, 'RequestAuthentication');
  return readVirtualServiceSpec(obj.spec)
    .gateways.filter(({ ref }) => ref !== 'mesh')
    .flatMap(({ ref }) => {
      const full = gatewayKey(ref, obj.namespace);
      const gateway = ofKind(mesh, 'Gateway').find((g) => `${g.namespace}/${g.name}` === full);
      if (!gateway) return [];
      const selector = isRecord(gateway.spec.selector) ? gateway.spec.selector : {};
      return mesh.inventory.pods
        .filter((p) => labelsMatch(selector, p.labels) && !hasRequestAuthN(p, policies))
        .map((p): Validation => ({
          code: JWT_CLAIM_ROUTING_CODE,
          severity: 'error',
          message: `This VirtualService routes on the JWT claim header '${claim.key}' at gateway ${full}, but no RequestAuthentication applies to its pod ${p.namespace}/${p.name}, so the claim is never known there and the match never holds. Add a RequestAuthentication in ${p.namespace} (or ${ISTIO_SYSTEM}) whose selector matches the gateway's pods.`,
          path: formatPath(claim.path),
        }));
    });
}
