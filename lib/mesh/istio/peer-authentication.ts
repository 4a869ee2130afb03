/**
 * The one reader of a PeerAuthentication spec.
 * Ref https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
import { readOnce, readRecord, readString, type Json, type ReadIssue } from './read';

export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET';

const MODES: readonly MtlsMode[] = ['STRICT', 'PERMISSIVE', 'DISABLE', 'UNSET'];

export interface PeerAuthenticationSpec {
  /** UNSET also for a missing or unknown mode: both inherit from the parent policy. */
  readonly mode: MtlsMode;
  /**
   * `selector.matchLabels` when it has at least one label, as written: a value that is not a string
   * matches no pod, which is what Istio does too, rather than widening the policy to the namespace.
   */
  readonly matchLabels?: Json;
  /**
   * `portLevelMtls`, by target port, with each port's own mode (UNSET inherits the policy's). Istio
   * applies port-level modes only for a policy with a selector; the posture module decides that.
   */
  readonly portModes: readonly { readonly port: number; readonly mode: MtlsMode }[];
  readonly issues: readonly ReadIssue[];
}

function read(value: unknown): PeerAuthenticationSpec {
  const issues: ReadIssue[] = [];
  const spec = readRecord(value, ['spec'], issues) ?? {};
  const mtls = readRecord(spec.mtls, ['spec', 'mtls'], issues);
  const written = readString(mtls?.mode, ['spec', 'mtls', 'mode'], issues);
  const selector = readRecord(spec.selector, ['spec', 'selector'], issues);
  const matchLabels = readRecord(
    selector?.matchLabels,
    ['spec', 'selector', 'matchLabels'],
    issues,
  );
  const portLevel = readRecord(spec.portLevelMtls, ['spec', 'portLevelMtls'], issues) ?? {};
  const portModes = Object.entries(portLevel).flatMap(([key, value]) => {
    const port = Number(key);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return [];
    const path = ['spec', 'portLevelMtls', key];
    const mode = readString(readRecord(value, path, issues)?.mode, [...path, 'mode'], issues);
    return [{ port, mode: MODES.find((m) => m === mode) ?? 'UNSET' }];
  });
  return {
    mode: MODES.find((m) => m === written) ?? 'UNSET',
    portModes: portModes.sort((a, b) => a.port - b.port),
    ...(matchLabels && Object.keys(matchLabels).length > 0 && { matchLabels }),
    issues,
  };
}

/** A PeerAuthentication's `spec` (v1, v1beta1) as Meshlens reads it; never throws. */
export const readPeerAuthenticationSpec = readOnce(read);
