import type { MtlsStatus, PeerMode, PlaintextCaller, PostureSource } from '@/lib/api/security';
import { ISTIO_KIND_INFO } from '@/lib/mesh/istio/kinds';
import { formatBytesPerSecond, formatRps } from '../format';

/** The status in words, as the header and the badges say it (Kiali's mesh-wide states, plus unset). */
export const MTLS_STATUS_LABEL: Readonly<Record<MtlsStatus, string>> = {
  enabled: 'mTLS enabled',
  partial: 'mTLS partially enabled',
  disabled: 'mTLS not enabled',
  unset: 'mTLS not enforced',
};

/** What each status means for the traffic, for the explanation beside the label. */
export const MTLS_STATUS_MEANING: Readonly<Record<MtlsStatus, string>> = {
  enabled: 'Every workload in scope requires mTLS (STRICT): plaintext is refused.',
  partial: 'Some workloads require mTLS and others still accept plaintext.',
  disabled: 'No workload in scope requires mTLS; some have it turned off.',
  unset: 'No PeerAuthentication decides: workloads accept both mTLS and plaintext (PERMISSIVE).',
};

/** UNSET inherits and, with nothing above it, Istio treats it as PERMISSIVE: say both. */
export function modeLabel(mode: PeerMode): string {
  return mode === 'UNSET' ? 'UNSET (PERMISSIVE)' : mode;
}

/** "PeerAuthentication shop/default: STRICT, namespace-wide in shop", or Istio's default. */
export function sourceText(source: PostureSource | null): string {
  if (source === null) return 'No policy applies: Istio accepts plaintext and mTLS (PERMISSIVE)';
  const object =
    source.name === undefined
      ? source.kind
      : `${source.kind} ${source.namespace === undefined ? '' : `${source.namespace}/`}${source.name}`;
  return `${object}: ${source.detail}`;
}

/** The config editor's page of the object a source names, when it is an object Meshlens edits. */
export function sourceHref(source: PostureSource): string | undefined {
  if (source.kind !== 'PeerAuthentication' && source.kind !== 'DestinationRule') return undefined;
  if (source.namespace === undefined || source.name === undefined) return undefined;
  const seg = encodeURIComponent;
  return `/istio/${seg(source.namespace)}/${ISTIO_KIND_INFO[source.kind].plural}/${seg(source.name)}`;
}

/** "2.50 req/s", "1.2 KiB/s" or both: HTTP callers have a request rate, TCP-only ones bytes. */
export function callerRate(caller: PlaintextCaller): string {
  const parts = [
    caller.rps > 0 ? `${formatRps(caller.rps)} req/s` : '',
    caller.bytesPerSecond > 0 ? formatBytesPerSecond(caller.bytesPerSecond) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no measurable rate';
}

/** "legacy-client (shop) → payments, 2.50 req/s": one caller as the confirmation lists it. */
export function callerText(caller: PlaintextCaller): string {
  const maybe =
    caller.candidates && caller.candidates.length > 0
      ? ` (no sidecar to name it; may be ${caller.candidates.join(', ')})`
      : '';
  const who =
    caller.source === 'unknown'
      ? `an unknown caller${maybe}`
      : `${caller.source} (${caller.namespace})`;
  return `${who} → ${caller.target}, ${callerRate(caller)}`;
}
