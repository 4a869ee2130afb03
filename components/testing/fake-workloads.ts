import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';

/** A healthy sidecar workload of `shop` with 1 req/s in, as the workloads list returns it. */
export const fakeWorkloadRow = (
  name: string,
  extra: Partial<WorkloadListItem> = {},
): WorkloadListItem => ({
  namespace: 'shop',
  name,
  kind: 'Deployment',
  hasSidecar: true,
  namespaceInjects: true,
  dataPlane: { mode: 'sidecar' },
  captureWarnings: [],
  desiredReplicas: 1,
  readyReplicas: 1,
  health: 'healthy',
  rps: 1,
  errorRate: 0,
  outboundRps: 0,
  p95Ms: null,
  sparkline: null,
  outboundErrorRate: 0,
  ...extra,
});
