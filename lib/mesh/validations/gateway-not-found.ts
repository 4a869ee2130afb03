import type { IstioObject } from '@/lib/mesh/types';
import { ofKind, stringList } from './hosts';
import { formatPath, type PathSegment } from './path';
import { asList, asRecord } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0101 ReferencedResourceNotFound, as istioctl's virtualservice gateway analyzer reports a gateway
 * that does not exist (istio/istio pkg/config/analysis/analyzers/virtualservice/gateways.go). Kiali:
 * KIA1102 "VirtualService is pointing to a non-existent gateway".
 */
export const GATEWAY_NOT_FOUND_CODE = 'IST0101';

/** `mesh` is the sidecars, not an object; `name` is relative to the VirtualService's namespace. */
function gatewayRefs(vs: IstioObject): { ref: string; path: PathSegment[] }[] {
  const refs = stringList(vs.spec.gateways).map((ref, i) => ({
    ref,
    path: ['spec', 'gateways', i] as PathSegment[],
  }));
  for (const kind of ['http', 'tcp', 'tls'] as const)
    asList(vs.spec[kind]).forEach((rule, r) =>
      asList(asRecord(rule)?.match).forEach((match, m) =>
        stringList(asRecord(match)?.gateways).forEach((ref, g) =>
          refs.push({ ref, path: ['spec', kind, r, 'match', m, 'gateways', g] }),
        ),
      ),
    );
  return refs;
}

export function checkGatewayNotFound(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  const gateways = ofKind(mesh, 'Gateway').map((g) => `${g.namespace}/${g.name}`);
  return gatewayRefs(obj)
    .filter(({ ref }) => ref !== 'mesh')
    .flatMap(({ ref, path }) => {
      const full = ref.includes('/') ? ref : `${obj.namespace}/${ref}`;
      if (gateways.includes(full)) return [];
      const nearby = gateways.filter((g) => g.startsWith(`${full.split('/')[0]}/`));
      return [
        {
          code: GATEWAY_NOT_FOUND_CODE,
          severity: 'error' as const,
          message: `Gateway '${full}' does not exist, so this VirtualService is not applied at that gateway. Create it, or refer to ${nearby.length ? `one of: ${nearby.join(', ')}` : 'an existing gateway as namespace/name'} (or 'mesh' for sidecars).`,
          path: formatPath(path),
        },
      ];
    });
}
