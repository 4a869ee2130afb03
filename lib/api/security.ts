import type { Window } from '@/lib/mesh/types';
import type { EdgeVerdict } from '@/lib/mesh/security/authz/edge-verdicts';
import type {
  MeshSecurity,
  NamespaceSecurity,
  WorkloadSecurity,
} from '@/lib/mesh/security/mtls/types';

export type { AuthzVerdict, MtlsStatus, PeerMode, PostureSource } from '@/lib/mesh/security/types';

/**
 * GET /api/security?namespaces=a,b&window=5m and POST /api/security/authorization/preview. Declared
 * only here; lib/server builds them from lib/mesh/security, the header, the overview, the workloads
 * list, the graph and the config editor read them.
 */

/** One AuthorizationPolicy that applies to a workload, in Istio's evaluation order. */
export type { AppliedPolicy } from '@/lib/mesh/security/authz/applies';

export type {
  MeshSecurity,
  NamespaceSecurity,
  PlaintextCaller,
  StrictReadiness,
  WorkloadSecurity,
} from '@/lib/mesh/security/mtls/types';

/** The policies' verdict on one observed workload-to-workload edge, computed in lib/mesh/security/authz. */
export type { EdgeVerdict } from '@/lib/mesh/security/authz/edge-verdicts';

/** GET /api/security's query: every namespace the person may see without `namespaces`. */
export interface SecurityQuery {
  readonly namespaces?: readonly string[];
  readonly window: Window;
  /** A past moment the observed traffic ends at (epoch ms); the config is always today's. */
  readonly end?: number;
}

export interface SecurityResponse {
  readonly timestamp: number;
  readonly mesh: MeshSecurity;
  readonly namespaces: readonly NamespaceSecurity[];
  readonly workloads: readonly WorkloadSecurity[];
  readonly edges: readonly EdgeVerdict[];
  /**
   * Set when Prometheus could not answer: the posture is still the config's, but no caller was
   * observed, so STRICT readiness and edge verdicts are unknown rather than "ready" and "none".
   */
  readonly metricsError?: string;
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
