import type { WorkloadSummary } from '@/lib/mesh/lists/workload-list';

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "7 workloads, 1 without sidecar, 1 not captured, 1 failing": the mesh gaps and failures are named only when there are some. */
export function summaryText(summary: WorkloadSummary): string {
  const parts = [count(summary.total, 'workload', 'workloads')];
  if (summary.withoutSidecar > 0) parts.push(`${summary.withoutSidecar} without sidecar`);
  if (summary.notCaptured > 0) parts.push(`${summary.notCaptured} not captured`);
  if (summary.failing > 0) parts.push(`${summary.failing} failing`);
  return parts.join(', ');
}
