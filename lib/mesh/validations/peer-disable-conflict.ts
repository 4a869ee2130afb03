import { readPeerAuthenticationSpec } from '@/lib/mesh/istio/peer-authentication';
import {
  ISTIO_DEFAULT_TLS_SETTINGS,
  destinationRuleFor,
  ruleTls,
} from '@/lib/mesh/security/mtls/client-tls';
import type { IstioObject } from '@/lib/mesh/types';
import { MTLS_CONFLICT_CODE, podPeerMode } from './mtls-conflict';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0113 seen from the PeerAuthentication: it turns mTLS off (DISABLE) for sidecars whose
 * DestinationRule still tells every client to send Istio mTLS (ISTIO_MUTUAL), so those requests
 * fail. Only the pods this policy decides count (a workload policy may override it).
 */
export function checkPeerDisableConflict(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'PeerAuthentication') return [];
  if (readPeerAuthenticationSpec(obj.spec).mode !== 'DISABLE') return [];
  const self = `${obj.namespace}/${obj.name}`;
  const decided = mesh.inventory.pods.filter(
    (p) => p.hasSidecar && podPeerMode(mesh, p).policy === self,
  );
  const rules = new Set<string>();
  for (const service of mesh.inventory.services) {
    if (Object.keys(service.selector).length === 0) continue;
    const behind = decided.some(
      (p) => p.namespace === service.namespace && labelsMatch(service.selector, p.labels),
    );
    if (!behind) continue;
    const dr = destinationRuleFor(service, mesh.objects, ISTIO_DEFAULT_TLS_SETTINGS.rootNamespace);
    if (dr && ruleTls(dr)?.mode === 'ISTIO_MUTUAL')
      rules.add(`'${dr.namespace}/${dr.name}' (for ${service.name}.${service.namespace})`);
  }
  if (rules.size === 0) return [];
  return [
    {
      code: MTLS_CONFLICT_CODE,
      severity: 'error',
      message: `This PeerAuthentication turns mTLS off (DISABLE), but DestinationRule ${[...rules].join(', ')} still sends Istio mTLS (ISTIO_MUTUAL) to the sidecars it decides, so those requests will fail. Remove the DestinationRule's tls setting or set it to DISABLE, or use PERMISSIVE here.`,
      path: 'spec.mtls.mode',
    },
  ];
}
