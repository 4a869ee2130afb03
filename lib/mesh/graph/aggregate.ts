/**
 * Folds raw edges (one reporter each) into the edges of the requested graph type. Everything is
 * summed as rates, including duration buckets: summing bucket rates across merged raw edges and then
 * taking the quantile is exactly `histogram_quantile(q, sum by (le, …) (rate(…)))`.
 */
import type { Protocol } from '../types';
import type { Endpoint, EndpointContext } from './endpoints';
import { destinationEndpoint, sourceEndpoint } from './endpoints';
import type { RawEdge } from './pick-reporter';
import { mtlsAmount, pickReporter } from './pick-reporter';

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
}

export const edgeId = (source: string, target: string, protocol: Protocol): string =>
  `${source}>${target}:${protocol}`;

export function aggregateEdges(
  raw: Iterable<RawEdge>,
  ctx: EndpointContext,
): Map<string, EdgeTotals> {
  const out = new Map<string, EdgeTotals>();
  for (const edge of raw) {
    const view = pickReporter(edge);
    if (view === undefined) continue;
    const source = sourceEndpoint(edge.labels, ctx);
    const target = destinationEndpoint(edge.labels, ctx);
    const id = edgeId(source.id, target.id, edge.protocol);
    let totals = out.get(id);
    if (totals === undefined) {
      totals = {
        id,
        source,
        target,
        protocol: edge.protocol,
        requests: 0,
        serverErrors: 0,
        clientErrors: 0,
        codes: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 },
        mtls: 0,
        buckets: new Map(),
        sentBytes: 0,
        receivedBytes: 0,
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
    totals.mtls += mtlsAmount(edge, view);
    for (const [le, rate] of view.buckets)
      totals.buckets.set(le, (totals.buckets.get(le) ?? 0) + rate);
    totals.sentBytes += view.sentBytes;
    totals.receivedBytes += view.receivedBytes;
  }
  return out;
}
