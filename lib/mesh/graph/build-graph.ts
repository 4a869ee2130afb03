import { workloadHealth } from '../health/health';
import type { RequestCounts } from '../health/request-counts';
import { NO_REQUESTS } from '../health/request-counts';
import type {
  AmbientView,
  GraphType,
  Inventory,
  MeshEdge,
  MeshGraph,
  MeshNode,
  Sample,
  Window,
} from '../types';
import { aggregateMeasured } from './aggregate';
import { ambientIdentity } from './ambient-identity';
import { measureAmbient } from './ambient-measure';
import { withAppBoxes } from './app-boxes';
import type { Endpoint } from './endpoints';
import { ExternalHosts, servedServices } from './endpoints';
import { finishEdge, percentilesMs } from './finish-edge';
import { idleEndpoints } from './idle-nodes';
import { InventoryIndex } from './inventory-index';
import { isKnown, withoutCluster } from './node-ids';
import type { RawEdge } from './pick-reporter';
import { collectRawEdges, proxiedWorkloads } from './pick-reporter';

/** Instant vectors at one evaluation time; the exact grouping of each is in ./labels.ts. */
export interface GraphInput {
  readonly type: GraphType;
  readonly window: Window;
  /** Epoch milliseconds the queries were evaluated at. */
  readonly timestamp: number;
  /** The selected namespaces; nodes elsewhere that trade traffic with them are marked `outside`. */
  readonly namespaces: readonly string[];
  /** istio_requests_total rates grouped by REQUEST_LABELS, all reporters (source, destination, waypoint). */
  readonly requests: readonly Sample[];
  /** istio_request_duration_milliseconds_bucket rates grouped by DURATION_LABELS, both reporters. */
  readonly durations: readonly Sample[];
  /** istio_tcp_sent_bytes_total rates grouped by TCP_LABELS, both reporters. */
  readonly tcpSent: readonly Sample[];
  /** istio_tcp_received_bytes_total rates grouped by TCP_LABELS, both reporters. */
  readonly tcpReceived: readonly Sample[];
  /** istio_tcp_connections_opened_total rates grouped by TCP_LABELS, all reporters. */
  readonly tcpOpened?: readonly Sample[];
  /** How ambient traffic is drawn (../types.ts AmbientView); total when absent. */
  readonly ambient?: AmbientView;
  readonly inventory: Inventory;
  /** Hosts of ServiceEntries with location MESH_EXTERNAL (wildcards like `*.example.com` allowed). */
  readonly externalHosts: readonly string[];
  /** Add inventory nodes in the selected namespaces that had no traffic in the window. */
  readonly includeIdle?: boolean;
}

interface NodeTotals {
  readonly endpoint: Endpoint;
  inbound: RequestCounts;
  outbound: RequestCounts;
  hasTcpTraffic: boolean;
  /**
   * Duration bucket rates of every request edge into the node, each edge on the reporter its rate
   * was counted on, so the node's percentiles describe the same requests as its rps.
   */
  readonly inboundBuckets: Map<number, number>;
}

const add = (
  a: RequestCounts,
  total: number,
  serverErrors: number,
  clientErrors: number,
): RequestCounts => ({
  total: a.total + total,
  serverErrors: a.serverErrors + serverErrors,
  clientErrors: a.clientErrors + clientErrors,
});

const byId = (a: { readonly id: string }, b: { readonly id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const SCOPED_KINDS: ReadonlySet<string> = new Set(['workload', 'app', 'service']);

/** Whether the metrics name more than one cluster (a metric without the labels names none). */
export function namesSeveralClusters(raw: Iterable<RawEdge>): boolean {
  let seen: string | undefined;
  for (const { labels } of raw) {
    for (const c of [labels['source_cluster'], labels['destination_cluster']]) {
      if (!isKnown(c)) continue;
      if (seen === undefined) seen = c;
      else if (c !== seen) return true;
    }
  }
  return false;
}

/** The topology graph of one graph type, from decoded metrics and the Kubernetes inventory. */
export function buildGraph(input: GraphInput): MeshGraph {
  const external = new ExternalHosts(input.externalHosts);
  const raw = collectRawEdges(input);
  const multiCluster = namesSeveralClusters(raw);
  const ambient = ambientIdentity(input.inventory, raw);
  const servedBy = new Map<string, ReadonlyMap<string, Endpoint>>();
  if (input.type === 'service') {
    // A waypoint answers for the services it fronts, but it is a proxy, not their server.
    for (const [id, services] of servedServices(raw, external, multiCluster))
      if (!ambient.waypoints.has(withoutCluster(id))) servedBy.set(id, services);
  }
  const index = new InventoryIndex(input.inventory);
  const totals = aggregateMeasured(measureAmbient(raw, input.ambient ?? 'total', ambient), {
    type: input.type,
    external,
    servedBy,
    knownWorkloads: index.workloads,
    multiCluster,
  });
  const proxied = proxiedWorkloads(raw);
  const selected = new Set(input.namespaces);

  const nodeTotals = new Map<string, NodeTotals>();
  const nodeFor = (endpoint: Endpoint): NodeTotals => {
    let n = nodeTotals.get(endpoint.id);
    if (n === undefined) {
      n = {
        endpoint,
        inbound: NO_REQUESTS,
        outbound: NO_REQUESTS,
        hasTcpTraffic: false,
        inboundBuckets: new Map(),
      };
      nodeTotals.set(endpoint.id, n);
    }
    return n;
  };

  const edges: MeshEdge[] = [];
  for (const t of totals.values()) {
    const source = nodeFor(t.source);
    const target = nodeFor(t.target);
    if (t.protocol === 'tcp') {
      source.hasTcpTraffic = target.hasTcpTraffic = true;
    } else {
      target.inbound = add(target.inbound, t.requests, t.serverErrors, t.clientErrors);
      for (const [le, rate] of t.buckets)
        target.inboundBuckets.set(le, (target.inboundBuckets.get(le) ?? 0) + rate);
      source.outbound = add(source.outbound, t.requests, t.serverErrors, t.clientErrors);
    }
    edges.push(finishEdge(t, index.rulesFor(t.target.namespace, withoutCluster(t.target.id))));
  }
  if (input.includeIdle === true) {
    // Across clusters the inventory cannot say which cluster a silent workload is in: it is added
    // only where no cluster already shows it.
    const shown = new Set([...nodeTotals.keys()].map(withoutCluster));
    for (const endpoint of idleEndpoints(input.type, input.inventory, selected))
      if (!multiCluster || !shown.has(endpoint.id)) nodeFor(endpoint);
  }

  let nodes: MeshNode[] = [];
  for (const n of nodeTotals.values()) {
    const e = n.endpoint;
    // The inventory and the workloads' own reports know names, not clusters: a workload of the same
    // namespace and name in every cluster (Istio's namespace sameness) is read as one.
    const known = withoutCluster(e.id);
    const replicas = index.replicasOf(known) ?? (index.serviceIds.has(known) ? [] : undefined);
    const inventoryWorkload = e.kind === 'workload' ? index.workloads.get(known) : undefined;
    const dataPlane = e.kind === 'workload' ? ambient.modeOf(known) : undefined;
    const waypoint = dataPlane === 'ambient' ? ambient.waypointOf(known) : undefined;
    const isWaypoint = e.kind === 'workload' && ambient.waypoints.has(known);
    // ztunnel reports for the ambient workloads it captures; that is no sidecar.
    const hasSidecar =
      e.kind === 'workload'
        ? inventoryWorkload?.hasSidecar === true || (proxied.has(known) && dataPlane !== 'ambient')
        : undefined;
    const [p50Ms, p95Ms, p99Ms] = percentilesMs(n.inboundBuckets);
    nodes.push({
      id: e.id,
      kind: e.kind,
      namespace: e.namespace,
      name: e.name,
      app: e.app,
      version: e.version,
      workload: e.workload,
      service: e.service,
      ...(e.cluster !== undefined && { cluster: e.cluster }),
      hasSidecar,
      ...(dataPlane !== undefined && { dataPlane }),
      ...(waypoint !== undefined && { waypoint }),
      ...(isWaypoint && { isWaypoint }),
      outside: SCOPED_KINDS.has(e.kind) && !selected.has(e.namespace) ? true : undefined,
      health: workloadHealth(
        { inbound: n.inbound, outbound: n.outbound, hasTcpTraffic: n.hasTcpTraffic, replicas },
        index.rulesFor(e.namespace, known),
      ),
      rps: n.inbound.total,
      errorRate: n.inbound.total > 0 ? n.inbound.serverErrors / n.inbound.total : 0,
      p50Ms,
      p95Ms,
      p99Ms,
    });
  }
  if (input.type === 'versionedApp') nodes = withAppBoxes(nodes);

  return {
    timestamp: input.timestamp,
    window: input.window,
    nodes: nodes.sort(byId),
    edges: edges.sort(byId),
  };
}
