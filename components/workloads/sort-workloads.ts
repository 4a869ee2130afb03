import { HEALTH_SEVERITY } from '@/lib/mesh/health/order';
import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';
import type { SortKey, WorkloadSort } from './url-state';

/** Share of pods ready; a workload scaled to zero misses nothing. */
const readyShare = (w: WorkloadListItem): number =>
  w.desiredReplicas > 0 ? w.readyReplicas / w.desiredReplicas : 1;

/** The value a column sorts on; null (metrics unavailable) always sorts last. */
function sortValue(w: WorkloadListItem, key: SortKey): number | string | null {
  switch (key) {
    case 'health':
      return HEALTH_SEVERITY[w.health];
    case 'name':
      return w.name;
    case 'namespace':
      return w.namespace;
    case 'pods':
      return readyShare(w);
    case 'rps':
      return w.rps;
    case 'errorRate':
      // Either direction of failure is what the column is read for.
      return w.errorRate === null ? null : Math.max(w.errorRate, w.outboundErrorRate ?? 0);
  }
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Rows in the given order, ties broken by name then namespace; the input is left untouched. */
export function sortWorkloads(
  rows: readonly WorkloadListItem[],
  sort: WorkloadSort,
): WorkloadListItem[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    const primary =
      va === null || vb === null
        ? Number(va === null) - Number(vb === null)
        : sign * compareValues(va, vb);
    return primary || a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace);
  });
}
