import type { NamespaceSummary as MeshNamespaceSummary } from '@/lib/mesh/namespace-summary';
import type { WorkloadListItem } from '@/lib/mesh/workload-list';

/**
 * Response shapes of the Meshlens API, as DESIGN.md's contract states them: the contract between the
 * route handlers (which return them) and the browser (which reads them).
 */
export interface SourceState {
  readonly ok: boolean;
  readonly error?: string;
}

export interface KubernetesSourceState extends SourceState {
  readonly server: string;
  /** When the informer caches last heard from the API server (ISO 8601), the oldest resource's. */
  readonly syncedAt?: string;
  /** The caches hold data but it may be out of date (API unreachable or watches silent). */
  readonly stale?: boolean;
}

export interface StatusResponse {
  readonly meshName: string;
  readonly sources: {
    readonly prometheus: SourceState & { readonly url: string };
    readonly kubernetes: KubernetesSourceState;
    readonly jaeger: SourceState & { readonly url?: string; readonly configured: boolean };
  };
  readonly readOnly: boolean;
}

/** One overview card: the domain summary plus, when Prometheus failed, why its rates are null. */
export type NamespaceSummary = MeshNamespaceSummary & { readonly metricsError?: string };

export interface WorkloadsResponse {
  readonly workloads: readonly WorkloadListItem[];
  /** Why the rates are null. */
  readonly metricsError?: string;
}
