import type { InventoryPod, IstioObject } from '@/lib/mesh/types';
import { displayHost, findService, hostMatches, ofKind, resolveHost, serviceFqdn } from './hosts';
import { formatPath } from './path';
import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import { readPeerAuthenticationSpec, type MtlsMode } from '@/lib/mesh/istio/peer-authentication';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0113 MTLSPolicyConflict, "A DestinationRule and Policy are in conflict with regards to mTLS"
 * (istio/istio pkg/config/analysis/msg/messages.yaml). Kiali reports the same on the DestinationRule
 * as KIA0207 "PeerAuthentication with TLS strict mode found, it should be permissive". A client that
 * sends plaintext to a STRICT server gets its connection reset: every request fails.
 */
export const MTLS_CONFLICT_CODE = 'IST0113';

/** Istio's root namespace, where a selector-less PeerAuthentication is mesh-wide. */
const ROOT_NAMESPACE = 'istio-system';

const modeOf = (pa: IstioObject): MtlsMode => readPeerAuthenticationSpec(pa.spec).mode;

const selectorOf = (pa: IstioObject): Readonly<Record<string, unknown>> | undefined =>
  readPeerAuthenticationSpec(pa.spec).matchLabels;

/** The PeerAuthentication that decides a pod's mode: workload, then namespace, then mesh; UNSET inherits. */
export function effectivePeerAuthentication(
  mesh: MeshConfig,
  pod: Pick<InventoryPod, 'namespace' | 'labels'>,
): IstioObject | undefined {
  const all = ofKind(mesh, 'PeerAuthentication');
  const chain = [
    all.find(
      (pa) =>
        pa.namespace === pod.namespace &&
        selectorOf(pa) &&
        labelsMatch(selectorOf(pa) ?? {}, pod.labels),
    ),
    all.find((pa) => pa.namespace === pod.namespace && !selectorOf(pa)),
    all.find((pa) => pa.namespace === ROOT_NAMESPACE && !selectorOf(pa)),
  ];
  return chain.find((pa) => pa !== undefined && modeOf(pa) !== 'UNSET');
}

export function checkMtlsConflict(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'DestinationRule') return [];
  const dr = readDestinationRuleSpec(obj.spec);
  if (dr.host === undefined) return [];
  const disabled = dr.tlsModes.filter((t) => t.mode === 'DISABLE');
  if (disabled.length === 0) return [];
  const fqdn = resolveHost(dr.host, obj.namespace);
  const exact = findService(mesh, fqdn);
  // A wildcard rule does not reach a service that has a rule for its own name: that one wins.
  const ownRule = new Set(
    ofKind(mesh, 'DestinationRule')
      .flatMap((other) => {
        const host = readDestinationRuleSpec(other.spec).host;
        return host === undefined ? [] : [resolveHost(host, other.namespace)];
      })
      .filter((h) => !h.startsWith('*')),
  );
  const services = exact
    ? [exact]
    : mesh.inventory.services.filter(
        (s) => hostMatches(fqdn, serviceFqdn(s)) && !ownRule.has(serviceFqdn(s)),
      );
  const strict = new Map<string, IstioObject>();
  for (const service of services) {
    if (Object.keys(service.selector).length === 0) continue;
    for (const pod of mesh.inventory.pods) {
      if (pod.namespace !== service.namespace || !labelsMatch(service.selector, pod.labels))
        continue;
      // Without a sidecar nothing enforces STRICT: plaintext is what such a pod speaks and accepts.
      if (!pod.hasSidecar) continue;
      const pa = effectivePeerAuthentication(mesh, pod);
      if (pa && modeOf(pa) === 'STRICT') strict.set(`${pa.namespace}/${pa.name}`, pa);
    }
  }
  if (strict.size === 0) return [];
  const policies = [...strict.keys()].map((k) => `'${k}'`).join(', ');
  return disabled.map(({ path }) => ({
    code: MTLS_CONFLICT_CODE,
    severity: 'error',
    message: `This DestinationRule sends plaintext (tls.mode DISABLE) to ${displayHost(fqdn)}, but PeerAuthentication ${policies} requires mTLS (STRICT) there, so every request will fail. Use ISTIO_MUTUAL, or make the PeerAuthentication PERMISSIVE.`,
    path: formatPath(path),
  }));
}
