import type { AuthzVerdict, MtlsStatus, PeerMode, PostureSource } from '@/lib/mesh/security/types';

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
export interface AppliedPolicy {
  readonly namespace: string;
  readonly name: string;
  readonly action: 'CUSTOM' | 'DENY' | 'ALLOW' | 'AUDIT';
  /** How it reaches the workload. */
  readonly scope: 'mesh' | 'namespace' | 'selector' | 'targetRef';
  /** Number of rules; 0 with ALLOW denies everything, 0 with DENY denies nothing. */
  readonly rules: number;
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

/** The policies' verdict on one observed workload-to-workload edge, for the graph overlay and the panels. */
export interface EdgeVerdict {
  /** Workload-graph node ids (lib/mesh/graph/node-ids.ts), so the overlay lands on the graph's edges. */
  readonly sourceId: string;
  readonly targetId: string;
  readonly source: string;
  readonly sourceNamespace: string;
  readonly target: string;
  readonly targetNamespace: string;
  /** The source principal the metrics carry (spiffe://…), or 'unknown' for plaintext callers. */
  readonly principal: string;
  readonly rps: number;
  readonly verdict: AuthzVerdict;
  /** The policy that decided (the DENY that matched, the ALLOW that did or the one that did not). */
  readonly decidedBy?: {
    readonly namespace: string;
    readonly name: string;
    readonly action: string;
  };
  /** With 'depends': the request attributes the metrics do not carry, e.g. ["paths", "methods"]. */
  readonly dependsOn?: readonly string[];
  /** Requests per second answered 403 on this edge in the window. */
  readonly forbiddenRps: number;
  /**
   * How to read the 403s: 'policy' when the verdict is deny (inferred: Istio's metrics do not tell an
   * RBAC 403 from the application's), 'application' when the policies allow the edge.
   */
  readonly forbiddenBy?: 'policy' | 'application';
  readonly explanation: string;
}

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

export interface AuthorizationChange {
  readonly source: string;
  readonly sourceNamespace: string;
  readonly target: string;
  readonly targetNamespace: string;
  readonly rps: number;
  readonly before: AuthzVerdict;
  readonly after: AuthzVerdict;
  readonly dependsOn?: readonly string[];
}

export interface AuthorizationPreviewResponse {
  /** Only edges whose verdict changes, largest rate first. */
  readonly changes: readonly AuthorizationChange[];
  /** Observed edges into the policy's workloads whose verdict stays the same. */
  readonly unchanged: number;
}
