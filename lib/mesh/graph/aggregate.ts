/**
 * Folds measured edges (one reporter each) into the edges of the requested graph type. Everything is
 * summed as rates, including duration buckets: summing bucket rates across merged raw edges and then
 * taking the quantile is exactly `histogram_quantile(q, sum by (le, …) (rate(…)))`.
 */
import type { Protocol } from '../types';
import type { Endpoint, EndpointContext } from './endpoints';
import { destinationEndpoint, sourceEndpoint } from './endpoints';
import type { RawEdge, ReporterView } from './pick-reporter';
import { mtlsAmount, pickReporter } from './pick-reporter';

type Labels = Readonly<Record<string, string>>;

/** ztunnel's L4 under requests a waypoint (or a sidecar talking to an ambient pod) measured. */
export interface L4Totals {
  sentBytes: number;
  receivedBytes: number;
  connections: number;
  /** Bytes per second over mTLS. */
  mtls: number;
}

/** A waypoint on the traffic's path, as the Gateway (and its Deployment) is named. */
export interface WaypointRef {
  readonly namespace: string;
  readonly name: string;
}

/** One reporter's numbers for one caller → callee: what aggregation adds up. */
export interface Measured {
  /** The edge's identity labels (EDGE_LABELS); ends are derived from them per graph type. */
  readonly labels: Labels;
  readonly protocol: Protocol;
  readonly view: ReporterView;
  /** The view's traffic over mTLS, in its own unit. */
  readonly mtls: number;
  /** Who measured the view, where it was not a sidecar or gateway's own proxy. */
  readonly reportedBy?: 'waypoint' | 'ztunnel';
  readonly waypoint?: WaypointRef;
  /** ztunnel's L4 folded into this L7 measurement; mutated while folding. */
  l4?: L4Totals;
}

export interface EdgeTotals {
  readonly id: string;
  readonly source: Endpoint;
  readonly target: Endpoint;
  readonly protocol: Protocol;
  requests: number;
  serverErrors: number;
  clientErrors: number;
  readonly codes: { '2xx': number; '3xx': number; '4xx': number; '5xx': number; other: number };
  /** Requests (http/grpc) or bytes (tcp) per second over mTLS. */
  mtls: number;
  readonly buckets: Map<number, number>;
  sentBytes: number;
  receivedBytes: number;
  connections: number;
  /** Set when any part of the edge was measured by a waypoint or ztunnel. */
  reportedBy?: 'waypoint' | 'ztunnel';
  waypoint?: WaypointRef;
  l4?: L4Totals;
}

export const edgeId = (source: string, target: string, protocol: Protocol): string =>
  `${source}>${target}:${protocol}`;

/** The measurement of a raw edge by the reporter pickReporter chooses; undefined without data. */
export function measureRaw(edge: RawEdge): Measured | undefined {
  const view = pickReporter(edge);
  if (view === undefined) return undefined;
  return { labels: edge.labels, protocol: edge.protocol, view, mtls: mtlsAmount(edge, view) };
}

function addL4(into: L4Totals | undefined, l4: L4Totals): L4Totals {
  if (into === undefined) return { ...l4 };
  into.sentBytes += l4.sentBytes;
  into.receivedBytes += l4.receivedBytes;
  into.connections += l4.connections;
  into.mtls += l4.mtls;
  return into;
}

export function aggregateMeasured(
  measured: Iterable<Measured>,
  ctx: EndpointContext,
): Map<string, EdgeTotals> {
  const out = new Map<string, EdgeTotals>();
  for (const m of measured) {
    const view = m.view;
    const source = sourceEndpoint(m.labels, ctx);
    const target = destinationEndpoint(m.labels, ctx);
    const id = edgeId(source.id, target.id, m.protocol);
    let totals = out.get(id);
    if (totals === undefined) {
      totals = {
        id,
        source,
        target,
        protocol: m.protocol,
        requests: 0,
        serverErrors: 0,
        clientErrors: 0,
        codes: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 },
        mtls: 0,
        buckets: new Map(),
        sentBytes: 0,
        receivedBytes: 0,
        connections: 0,
      };
      out.set(id, totals);
    }
    totals.requests += view.requests;
    totals.serverErrors += view.serverErrors;
    totals.clientErrors += view.clientErrors;
    totals.codes['2xx'] += view.codes['2xx'];
    totals.codes['3xx'] += view.codes['3xx'];
    totals.codes['4xx'] += view.codes['4xx'];
    totals.codes['5xx'] += view.codes['5xx'];
    totals.codes.other += view.codes.other;
    totals.mtls += m.mtls;
    for (const [le, rate] of view.buckets)
      totals.buckets.set(le, (totals.buckets.get(le) ?? 0) + rate);
    totals.sentBytes += view.sentBytes;
    totals.receivedBytes += view.receivedBytes;
    totals.connections += view.connections;
    // A waypoint's L7 outranks ztunnel's L4 as the edge's own witness.
    if (m.reportedBy !== undefined && totals.reportedBy !== 'waypoint')
      totals.reportedBy = m.reportedBy;
    if (m.waypoint !== undefined) totals.waypoint ??= m.waypoint;
    if (m.l4 !== undefined) totals.l4 = addL4(totals.l4, m.l4);
  }
  return out;
}

/** Raw edges aggregated on pickReporter's choice alone, as the metrics charts and lists read them. */
export function aggregateEdges(
  raw: Iterable<RawEdge>,
  ctx: EndpointContext,
): Map<string, EdgeTotals> {
  const measured: Measured[] = [];
  for (const edge of raw) {
    const m = measureRaw(edge);
    if (m !== undefined) measured.push(m);
  }
  return aggregateMeasured(measured, ctx);
}
