/**
 * What the client side sends to a service: the TLS mode of the one DestinationRule Istio uses for the
 * host (the most specific host wins, and a rule without `tls` leaves the choice to auto mTLS rather
 * than falling back to a wider rule), else auto mTLS (on by default: mTLS to sidecars, plaintext to
 * the rest), else plaintext.
 * Ref https://istio.io/latest/docs/concepts/security/#auto-mutual-tls
 */
import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import type { InventoryService, IstioObject } from '@/lib/mesh/types';
import { hostMatches, resolveHost, serviceFqdn } from '@/lib/mesh/validations/hosts';
import type { PostureSource } from '../types';
import type { ClientTls } from './types';

/** Mesh config as it bears on mTLS; Istio's defaults when the mesh config is not read. */
export interface MeshTlsSettings {
  /** meshConfig.rootNamespace: where mesh-wide policies live. */
  readonly rootNamespace: string;
  /** meshConfig.enableAutoMtls, on unless turned off. */
  readonly autoMtls: boolean;
  /** Where these values were read, e.g. "mesh config in ConfigMap istio-system/istio". */
  readonly origin?: string;
}

export const ISTIO_DEFAULT_TLS_SETTINGS: MeshTlsSettings = {
  rootNamespace: 'istio-system',
  autoMtls: true,
};

export function autoMtlsSource(settings: MeshTlsSettings): PostureSource {
  const detail = settings.autoMtls
    ? 'auto mTLS on: clients with a sidecar send mTLS to sidecars unasked'
    : 'auto mTLS off: clients send plaintext unless a DestinationRule sets tls';
  return {
    kind: 'MeshConfig',
    scope: 'mesh',
    detail: settings.origin === undefined ? detail : `${detail} (${settings.origin})`,
  };
}

/** How specific a rule's host is for an FQDN: exact beats any wildcard, longer wildcards beat shorter. */
function specificity(host: string, fqdn: string): number {
  if (host === fqdn) return Number.MAX_SAFE_INTEGER;
  return hostMatches(host, fqdn) && host.startsWith('*') ? host.length : -1;
}

/** The DestinationRule Istio applies to the service, preferring the service's own namespace, then the root's. */
export function destinationRuleFor(
  service: Pick<InventoryService, 'namespace' | 'name'>,
  objects: readonly IstioObject[],
  rootNamespace: string,
): IstioObject | undefined {
  const fqdn = serviceFqdn({ ...service, selector: {}, ports: [] });
  const rank = (dr: IstioObject): number =>
    dr.namespace === service.namespace ? 2 : dr.namespace === rootNamespace ? 1 : 0;
  let best: { dr: IstioObject; score: number; rank: number } | undefined;
  for (const dr of objects) {
    if (dr.kind !== 'DestinationRule') continue;
    const host = readDestinationRuleSpec(dr.spec).host;
    if (host === undefined) continue;
    const score = specificity(resolveHost(host, dr.namespace), fqdn);
    if (score < 0) continue;
    if (!best || score > best.score || (score === best.score && rank(dr) > best.rank))
      best = { dr, score, rank: rank(dr) };
  }
  return best?.dr;
}

/** The TLS mode a DestinationRule sets at its top level, with the rule as its source. */
export function ruleTls(dr: IstioObject): ClientTls | undefined {
  const spec = readDestinationRuleSpec(dr.spec);
  const mode = spec.policy.tlsMode;
  if (mode === undefined) return undefined;
  const host = spec.host === undefined ? '' : resolveHost(spec.host, dr.namespace);
  return {
    mode,
    source: {
      kind: 'DestinationRule',
      namespace: dr.namespace,
      name: dr.name,
      scope: host.startsWith('*') ? (host === '*.local' ? 'mesh' : 'namespace') : 'host',
      detail: `tls.mode ${mode} for ${spec.host ?? ''}`,
    },
  };
}

/** The mode clients send to a service, and where it comes from. */
export function clientTlsFor(
  service: Pick<InventoryService, 'namespace' | 'name'> | undefined,
  objects: readonly IstioObject[],
  settings: MeshTlsSettings,
): ClientTls {
  const dr = service && destinationRuleFor(service, objects, settings.rootNamespace);
  return (
    (dr && ruleTls(dr)) ?? {
      mode: settings.autoMtls ? 'AUTO' : 'DISABLE',
      source: autoMtlsSource(settings),
    }
  );
}

/** Whether a client mode ends up as mTLS towards a sidecar. */
export function sendsMtls(client: ClientTls): boolean {
  return client.mode === 'AUTO' || client.mode === 'ISTIO_MUTUAL' || client.mode === 'MUTUAL';
}
