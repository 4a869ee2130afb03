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

export interface StatusResponse {
  readonly meshName: string;
  readonly sources: {
    readonly prometheus: SourceState & { readonly url: string };
    readonly kubernetes: SourceState & { readonly server: string };
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
