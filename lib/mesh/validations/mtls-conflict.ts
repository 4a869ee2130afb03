import type { InventoryPod, InventoryService, IstioObject } from '@/lib/mesh/types';
import { displayHost, findService, hostMatches, ofKind, resolveHost, serviceFqdn } from './hosts';
import { formatPath } from './path';
import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import { ISTIO_DEFAULT_TLS_SETTINGS } from '@/lib/mesh/security/mtls/client-tls';
import { peerAuthentications, workloadPeerMode } from '@/lib/mesh/security/mtls/peer-mode';
import type { PeerMode } from '@/lib/mesh/security/types';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0113 MTLSPolicyConflict, "A DestinationRule and Policy are in conflict with regards to mTLS"
 * (istio/istio pkg/config/analysis/msg/messages.yaml). Kiali reports the same on the DestinationRule
 * as KIA0207 "PeerAuthentication with TLS strict mode found, it should be permissive". A client that
 * sends plaintext to a STRICT server gets its connection reset: every request fails.
 */
export const MTLS_CONFLICT_CODE = 'IST0113';

/** The PeerAuthentication deciding a pod's mode and that mode, as lib/mesh/security composes them. */
export function podPeerMode(
  mesh: MeshConfig,
  pod: Pick<InventoryPod, 'namespace' | 'labels'>,
): { readonly mode: PeerMode; readonly policy?: string } {
  const decided = workloadPeerMode(
    pod,
    peerAuthentications(mesh.objects),
    ISTIO_DEFAULT_TLS_SETTINGS.rootNamespace,
  );
  const s = decided.source;
  return {
    mode: decided.mode,
    ...(s?.namespace !== undefined &&
      s.name !== undefined && { policy: `${s.namespace}/${s.name}` }),
  };
}

/** The policies that put the sidecar pods behind `services` in `mode`, as `'ns/name'`. */
function policiesInMode(
  mesh: MeshConfig,
  services: readonly InventoryService[],
  mode: PeerMode,
): string[] {
  const found = new Set<string>();
  for (const service of services) {
    if (Object.keys(service.selector).length === 0) continue;
    for (const pod of mesh.inventory.pods) {
      if (pod.namespace !== service.namespace || !labelsMatch(service.selector, pod.labels))
        continue;
      // Without a sidecar no PeerAuthentication is enforced: such a pod speaks plaintext only.
      if (!pod.hasSidecar) continue;
      const decided = podPeerMode(mesh, pod);
      if (decided.mode === mode && decided.policy !== undefined) found.add(decided.policy);
    }
  }
  return [...found].map((k) => `'${k}'`);
}

/** The services a DestinationRule's host reaches: its own, or a wildcard's minus those with their own rule. */
function servicesOf(obj: IstioObject, fqdn: string, mesh: MeshConfig): InventoryService[] {
  const exact = findService(mesh, fqdn);
  if (exact) return [exact];
  const ownRule = new Set(
    ofKind(mesh, 'DestinationRule')
      .flatMap((other) => {
        const host = readDestinationRuleSpec(other.spec).host;
        return host === undefined ? [] : [resolveHost(host, other.namespace)];
      })
      .filter((h) => !h.startsWith('*')),
  );
  return mesh.inventory.services.filter(
    (s) => hostMatches(fqdn, serviceFqdn(s)) && !ownRule.has(serviceFqdn(s)),
  );
}

/**
 * Both directions: plaintext (DISABLE) towards a sidecar that requires mTLS (STRICT), and Istio's
 * mTLS (ISTIO_MUTUAL) towards a sidecar whose PeerAuthentication turned mTLS off (DISABLE). Either
 * way the server refuses what the client sends.
 */
export function checkMtlsConflict(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'DestinationRule') return [];
  const dr = readDestinationRuleSpec(obj.spec);
  if (dr.host === undefined) return [];
  const sending = dr.tlsModes.filter((t) => t.mode === 'DISABLE' || t.mode === 'ISTIO_MUTUAL');
  if (sending.length === 0) return [];
  const fqdn = resolveHost(dr.host, obj.namespace);
  const services = servicesOf(obj, fqdn, mesh);
  const strict = policiesInMode(mesh, services, 'STRICT');
  const disabled = policiesInMode(mesh, services, 'DISABLE');
  return sending.flatMap(({ mode, path }): Validation[] => {
    const against = mode === 'DISABLE' ? strict : disabled;
    if (against.length === 0) return [];
    return [
      {
        code: MTLS_CONFLICT_CODE,
        severity: 'error',
        message:
          mode === 'DISABLE'
            ? `This DestinationRule sends plaintext (tls.mode DISABLE) to ${displayHost(fqdn)}, but PeerAuthentication ${against.join(', ')} requires mTLS (STRICT) there, so every request will fail. Use ISTIO_MUTUAL, or make the PeerAuthentication PERMISSIVE.`
            : `This DestinationRule sends Istio mTLS (tls.mode ISTIO_MUTUAL) to ${displayHost(fqdn)}, but PeerAuthentication ${against.join(', ')} turns mTLS off (DISABLE) there, so every request will fail. Remove the tls setting (auto mTLS follows the server), or make the PeerAuthentication PERMISSIVE.`,
        path: formatPath(path),
      },
    ];
  });
}
