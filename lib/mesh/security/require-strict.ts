import { isRecord } from '../istio/read';
import { toEditableManifest } from '../istio/yaml';

/** What "Require STRICT" writes: a namespace-wide policy, or one selecting a workload's pods. */
export interface StrictPolicyInput {
  readonly namespace: string;
  readonly name: string;
  /** matchLabels of the workload's pods; absent for the namespace-wide policy. */
  readonly selector?: Readonly<Record<string, string>>;
  /** The PeerAuthentication that already decides the scope, as stored (the editor's manifest). */
  readonly existing?: Readonly<Record<string, unknown>>;
}

/** A port whose own mode the STRICT policy drops (it would keep accepting plaintext otherwise). */
export interface RelaxedPort {
  readonly port: string;
  readonly mode: string;
}

export interface StrictPolicy {
  readonly manifest: Record<string, unknown>;
  /** Port-level overrides that were not STRICT; every port-level entry goes, STRICT leaves none useful. */
  readonly relaxedPorts: readonly RelaxedPort[];
}

function relaxedPorts(spec: Readonly<Record<string, unknown>>): RelaxedPort[] {
  const ports = isRecord(spec.portLevelMtls) ? spec.portLevelMtls : {};
  return Object.entries(ports).flatMap(([port, value]) => {
    const mode = isRecord(value) && typeof value.mode === 'string' ? value.mode : 'UNSET';
    // UNSET inherits the policy's mode, so only explicit PERMISSIVE or DISABLE keep plaintext in.
    return mode === 'PERMISSIVE' || mode === 'DISABLE' ? [{ port, mode }] : [];
  });
}

/**
 * The PeerAuthentication that makes the scope STRICT. An existing one keeps its name, labels,
 * annotations and selector; only `mtls` changes and `portLevelMtls` goes (a port-level PERMISSIVE
 * would still let plaintext in). A new one is the documented minimal form (istio.io, "Enable mutual
 * TLS per namespace or workload").
 */
export function strictPeerAuthentication(input: StrictPolicyInput): StrictPolicy {
  if (input.existing) {
    const manifest = toEditableManifest(input.existing);
    const spec = isRecord(manifest.spec) ? manifest.spec : {};
    const next: Record<string, unknown> = { ...spec, mtls: { mode: 'STRICT' } };
    delete next.portLevelMtls;
    return {
      manifest: { ...manifest, spec: next },
      relaxedPorts: relaxedPorts(spec),
    };
  }
  return {
    manifest: {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: input.name, namespace: input.namespace },
      spec: {
        ...(input.selector && { selector: { matchLabels: { ...input.selector } } }),
        mtls: { mode: 'STRICT' },
      },
    },
    relaxedPorts: [],
  };
}
