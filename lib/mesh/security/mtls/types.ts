/**
 * What the security posture says about the mesh, a namespace and a workload: computed by
 * lib/mesh/security/mtls/posture.ts, served as GET /api/security (lib/api/security.ts re-exports it).
 */
import type { AppliedPolicy } from '../authz/applies';
import type { MtlsStatus, PeerMode, PostureSource } from '../types';

/** One caller seen sending plaintext to a PERMISSIVE (or unset) target in the window: breaks under STRICT. */
export interface PlaintextCaller {
  /** The source workload, or 'unknown' when the reporter did not know it (no sidecar, outside the mesh). */
  readonly source: string;
  /** The source namespace, or 'unknown'. */
  readonly namespace: string;
  /** The destination workload it calls. */
  readonly target: string;
  /** Requests per second (HTTP/gRPC) in the window; 0 when the caller sends only TCP. */
  readonly rps: number;
  /** TCP bytes per second sent + received; 0 for HTTP-only callers. */
  readonly bytesPerSecond: number;
  /** Why it counts as plaintext, e.g. "connection_security_policy=none, source has no sidecar". */
  readonly why: string;
  /**
   * For an unknown caller: the workloads without a sidecar that could be it, as `namespace/name`. A
   * proxy cannot name a peer that has no proxy, so this is a hint from the inventory, not a fact.
   */
  readonly candidates?: readonly string[];
}

export interface StrictReadiness {
  /** True when no plaintext caller was observed in the window (nothing would break under STRICT). */
  readonly ready: boolean;
  readonly plaintextCallers: readonly PlaintextCaller[];
  /**
   * Why readiness could not be judged (Prometheus did not answer): then `ready` is false and no
   * caller is listed, since "nobody would break" cannot be said without traffic.
   */
  readonly unknown?: string;
}

export interface MeshSecurity {
  readonly mtls: MtlsStatus;
  /** Auto mTLS (mesh config enableAutoMtls, on unless turned off): clients send mTLS to sidecars unasked. */
  readonly autoMtls: boolean;
  /** The rules that decided `mtls`, in precedence order, each with where it comes from. */
  readonly sources: readonly PostureSource[];
  /** One sentence for the header's tooltip, e.g. "mTLS enabled mesh-wide: PeerAuthentication istio-system/default is STRICT". */
  readonly summary: string;
}

/** What the client side sends to a target: the DestinationRule tls.mode that applies, or auto mTLS. */
export interface ClientTls {
  /** ISTIO_MUTUAL, MUTUAL, SIMPLE, DISABLE, or 'AUTO' when no DestinationRule sets it (auto mTLS decides). */
  readonly mode: string;
  readonly source: PostureSource | null;
}

export interface NamespaceSecurity {
  readonly name: string;
  readonly mtls: MtlsStatus;
  /** The namespace-wide effective mode (the namespace's policy, else the mesh's). */
  readonly mode: PeerMode;
  readonly modeSource: PostureSource | null;
  /** Set when a namespace policy's mode differs from some of its workloads' effective modes. */
  readonly workloadOverrides: number;
  readonly strictReadiness: StrictReadiness;
}

export interface PortMode {
  readonly port: number;
  readonly mode: PeerMode;
  readonly source: PostureSource;
}

export interface WorkloadSecurity {
  readonly namespace: string;
  readonly name: string;
  /** The effective PeerAuthentication mode of the workload's server side. */
  readonly mode: PeerMode;
  readonly mtls: MtlsStatus;
  readonly modeSource: PostureSource | null;
  /** Port-level overrides (portLevelMtls) of a workload-selector policy. */
  readonly portModes: readonly PortMode[];
  readonly clientTls: ClientTls;
  readonly hasSidecar: boolean;
  /**
   * The pod template's labels, for a selector that names exactly this workload ("Require STRICT").
   * Optional: without it the UI selects by the app and version labels.
   */
  readonly podLabels?: Readonly<Record<string, string>>;
  readonly strictReadiness: StrictReadiness;
  readonly policies: readonly AppliedPolicy[];
}
