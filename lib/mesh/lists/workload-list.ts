import { captureWarnings, type CaptureWarning } from '../ambient/capture-warnings';
import { workloadId } from '../graph/node-ids';
import { DEFAULT_HEALTH_RULES, readinessHealth, workloadHealth } from '../health/health';
import { namespaceInjects } from '../istio/injection';
import { sparklineOf, type Sparklines } from '../metrics/sparklines';
import type {
  DataPlane,
  Health,
  Inventory,
  InventoryWorkload,
  MeshGraph,
  MeshNode,
} from '../types';

export interface WorkloadListItem {
  readonly namespace: string;
  readonly name: string;
  /** Deployment, StatefulSet, … */
  readonly kind: string;
  readonly app?: string;
  readonly version?: string;
  readonly hasSidecar: boolean;
  /**
   * Istio injects sidecars in the workload's namespace. A workload without one there is a gap in the
   * mesh (plaintext, no metrics from its side); elsewhere (istiod, unmeshed namespaces) it is by design.
   */
  readonly namespaceInjects: boolean;
  /** Sidecar, ambient (with the waypoint serving it, if any) or none, as Istio decides it. */
  readonly dataPlane: DataPlane;
  /** Gaps in the capture of its traffic (not captured, sidecar missing, waypoint missing, …). */
  readonly captureWarnings: readonly CaptureWarning[];
  readonly desiredReplicas: number;
  readonly readyReplicas: number;
  readonly health: Health;
  /** Requests per second into the workload (http + grpc); null when metrics are unavailable. */
  readonly rps: number | null;
  /** Share of those requests that failed (5xx, no response, gRPC error), 0..1; null when metrics are unavailable. */
  readonly errorRate: number | null;
  /** 95th percentile of the inbound request duration, ms; null when metrics are unavailable or no requests. */
  readonly p95Ms: number | null;
  /** Requests per second into the workload at each step of the window; null when unavailable. */
  readonly sparkline: readonly number[] | null;
  /** Requests per second the workload sent (http + grpc); null when metrics are unavailable. */
  readonly outboundRps: number | null;
  /** Share of the workload's own calls that failed, 0..1; null when metrics are unavailable. */
  readonly outboundErrorRate: number | null;
}

export interface WorkloadSummary {
  readonly total: number;
  /** Mesh gaps: no sidecar in a namespace where Istio injects one. */
  readonly withoutSidecar: number;
  /** Mesh gaps: not captured in a namespace that is ambient. */
  readonly notCaptured: number;
  readonly failing: number;
}

interface Outbound {
  requests: number;
  errors: number;
}

/** Sums the request edges leaving each node; TCP carries no error signal. */
function outboundByNode(graph: MeshGraph): Map<string, Outbound> {
  const out = new Map<string, Outbound>();
  for (const e of graph.edges) {
    if (e.protocol === 'tcp' || e.rps === undefined) continue;
    const o = out.get(e.source) ?? { requests: 0, errors: 0 };
    o.requests += e.rps;
    o.errors += e.rps * e.errorRate;
    out.set(e.source, o);
  }
  return out;
}

/**
 * Without metrics, readiness can still tell a problem or a workload scaled to zero, but full
 * readiness says nothing about errors: 'unknown', not 'healthy'.
 */
function healthWithoutMetrics(w: InventoryWorkload): Health {
  const readiness = readinessHealth(w);
  return readiness === 'healthy' ? 'unknown' : readiness;
}

function healthWithMetrics(
  w: InventoryWorkload,
  node: MeshNode | undefined,
  hasSidecar: boolean,
): Health {
  // includeIdle gives every selected workload a node; without one, judge readiness alone.
  const health = node?.health ?? workloadHealth({ replicas: w }, DEFAULT_HEALTH_RULES);
  // A workload without a sidecar reports nothing itself: silence from it is not evidence of idleness.
  return health === 'idle' && !hasSidecar && w.desiredReplicas > 0 ? 'unknown' : health;
}

/**
 * The inventory's decision, unless the graph saw a sidecar the inventory could not: its word wins there,
 * as it does for `hasSidecar`. Istio's own gateways and waypoints run a proxy container, not a sidecar.
 */
function rowDataPlane(w: InventoryWorkload, hasSidecar: boolean): DataPlane {
  if (w.dataPlane?.proxy || !hasSidecar) return w.dataPlane ?? { mode: 'none' };
  return { mode: 'sidecar' };
}

/**
 * One row per workload in `namespaces`: the workload graph's inbound and outbound rates, inbound
 * p95 and node health (which already joins readiness), and its inbound rate over the window. An
 * undefined graph means metrics are unavailable: rates are null, never zero.
 */
export function listWorkloads(
  inventory: Inventory,
  graph: MeshGraph | undefined,
  namespaces: ReadonlySet<string>,
  sparklines?: Sparklines,
): WorkloadListItem[] {
  const nodes = new Map((graph?.nodes ?? []).map((n) => [n.id, n]));
  const outbound = graph === undefined ? new Map<string, Outbound>() : outboundByNode(graph);
  const namespaceObjects = new Map(inventory.namespaces.map((n) => [n.name, n]));
  const warnings = captureWarnings(inventory);
  return inventory.workloads
    .filter((w) => namespaces.has(w.namespace))
    .map((w): WorkloadListItem => {
      const id = workloadId(w.namespace, w.name);
      const node = nodes.get(id);
      const hasSidecar = node?.hasSidecar ?? w.hasSidecar;
      const out = outbound.get(id) ?? { requests: 0, errors: 0 };
      const metrics = graph !== undefined;
      return {
        namespace: w.namespace,
        name: w.name,
        kind: w.kind,
        ...(w.app !== undefined && { app: w.app }),
        ...(w.version !== undefined && { version: w.version }),
        hasSidecar,
        namespaceInjects: namespaceInjects(namespaceObjects.get(w.namespace)),
        dataPlane: rowDataPlane(w, hasSidecar),
        captureWarnings: warnings.filter(
          (c) => c.namespace === w.namespace && c.workload === w.name,
        ),
        desiredReplicas: w.desiredReplicas,
        readyReplicas: w.readyReplicas,
        health: metrics ? healthWithMetrics(w, node, hasSidecar) : healthWithoutMetrics(w),
        rps: metrics ? (node?.rps ?? 0) : null,
        errorRate: metrics ? (node?.errorRate ?? 0) : null,
        p95Ms: node?.p95Ms ?? null,
        sparkline: metrics ? sparklineOf(sparklines, id) : null,
        outboundRps: metrics ? out.requests : null,
        outboundErrorRate: metrics ? (out.requests > 0 ? out.errors / out.requests : 0) : null,
      };
    })
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** The counts behind the list's summary line. */
export function summarizeWorkloads(rows: readonly WorkloadListItem[]): WorkloadSummary {
  return {
    total: rows.length,
    // An ambient pod of an injected namespace (opted out of injection) misses no sidecar.
    withoutSidecar: rows.filter(
      (r) => r.namespaceInjects && r.dataPlane.mode === 'none' && !r.dataPlane.proxy,
    ).length,
    notCaptured: rows.filter((r) => r.captureWarnings.some((c) => c.code === 'not-captured'))
      .length,
    failing: rows.filter((r) => r.health === 'failing').length,
  };
}
