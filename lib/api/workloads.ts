import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';

export type { CaptureWarning, CaptureWarningCode } from '@/lib/mesh/ambient/capture-warnings';
export type { NamespaceDataPlane } from '@/lib/mesh/ambient/namespace-data-plane';
export type { DataPlane } from '@/lib/mesh/types';
import type { ListMetricsNotes, ListQuery } from './list-query';

/** GET /api/workloads?namespaces=a,b&window=1h&end=…. The rows are the domain's WorkloadListItem (lib/mesh/lists/workload-list.ts). */

export type WorkloadsQuery = ListQuery;

export interface WorkloadsResponse extends ListMetricsNotes {
  readonly workloads: readonly WorkloadListItem[];
}
