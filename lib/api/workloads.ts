import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';

/** GET /api/workloads?namespaces=a,b. The rows are the domain's WorkloadListItem (lib/mesh/lists/workload-list.ts). */

export interface WorkloadsQuery {
  /** Absent (or empty in the query string): every namespace. */
  readonly namespaces?: readonly string[];
}

export interface WorkloadsResponse {
  readonly workloads: readonly WorkloadListItem[];
  /** Why the rates are null. */
  readonly metricsError?: string;
}
