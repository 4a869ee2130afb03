import { sortRows, type SortValue } from '@/components/ui/sort/sort-rows';
import { dataPlaneLabel } from '@/lib/mesh/ambient/describe';
import { HEALTH_SEVERITY } from '@/lib/mesh/health/order';
import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';
import type { SortKey, WorkloadSort } from './url-state';

/** Share of pods ready; a workload scaled to zero misses nothing. */
const readyShare = (w: WorkloadListItem): number =>
  w.desiredReplicas > 0 ? w.readyReplicas / w.desiredReplicas : 1;

function sortValue(w: WorkloadListItem, key: SortKey): SortValue {
  switch (key) {
    case 'health':
      return HEALTH_SEVERITY[w.health];
    case 'name':
      return w.name;
    case 'namespace':
      return w.namespace;
    case 'pods':
      return readyShare(w);
    case 'dataPlane':
      // Grouped by mode, then by waypoint; Istio's own proxies after the workloads they serve.
      return [
        w.dataPlane.proxy ?? '',
        dataPlaneLabel(w.dataPlane.mode, w.dataPlane.waypoint),
        w.dataPlane.waypoint
          ? `${w.dataPlane.waypoint.namespace}/${w.dataPlane.waypoint.name}`
          : '',
      ].join(' ');
    case 'rps':
      return w.rps;
    case 'errorRate':
      // Either direction of failure is what the column is read for.
      return w.errorRate === null ? null : Math.max(w.errorRate, w.outboundErrorRate ?? 0);
    case 'p95':
      return w.p95Ms;
  }
}

/** Rows in the given order, ties broken by name then namespace; the input is left untouched. */
export function sortWorkloads(
  rows: readonly WorkloadListItem[],
  sort: WorkloadSort,
): WorkloadListItem[] {
  return sortRows(
    rows,
    sort,
    sortValue,
    (a, b) => a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace),
  );
}
