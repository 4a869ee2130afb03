import type { AppliedPolicy } from '@/lib/mesh/security/authz/applies';
import type { EdgeVerdict } from '@/lib/mesh/security/authz/edge-verdicts';
import type { MtlsStatus, PeerMode, PostureSource } from '@/lib/mesh/security/types';

export type { AuthzVerdict, MtlsStatus, PeerMode, PostureSource } from '@/lib/mesh/security/types';

/**
 * GET /api/security?namespaces=a,b&window=5m and POST /api/security/authorization/preview. Declared
 * only here; lib/server builds them from lib/mesh/security, the header, the overview, the workloads
 * list, the graph and the config editor read them.
 */

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
}

export interface StrictReadiness {
  /** True when no plaintext caller was observed in the window (nothing would break under STRICT). */
  readonly ready: boolean;
  readonly plaintextCallers: readonly PlaintextCaller[];
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

/** One AuthorizationPolicy that applies to a workload, in Istio's evaluation order. */
export type { AppliedPolicy } from '@/lib/mesh/security/authz/applies';

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

/** The policies' verdict on one observed workload-to-workload edge, computed in lib/mesh/security/authz. */
export type { EdgeVerdict } from '@/lib/mesh/security/authz/edge-verdicts';

export interface SecurityResponse {
  readonly timestamp: number;
  readonly mesh: MeshSecurity;
  readonly namespaces: readonly NamespaceSecurity[];
  readonly workloads: readonly WorkloadSecurity[];
  readonly edges: readonly EdgeVerdict[];
}

/** POST /api/security/authorization/preview: what a new or edited AuthorizationPolicy would change. */
export interface AuthorizationPreviewBody {
  readonly yaml: string;
  readonly window?: string;
}

/** What the preview lists: only edges whose verdict changes, largest rate first, and how many stay. */
export type {
  AuthorizationChange,
  AuthorizationPreview as AuthorizationPreviewResponse,
} from '@/lib/mesh/security/authz/preview';
