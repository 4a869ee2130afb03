/**
 * The lists' sparklines: every node's inbound request rate per step, from one range query for the
 * whole list, aggregated at each step by the graph's own machinery so that a row's last point and
 * its rps column count the same requests on the same reporter.
 */
import { aggregateEdges } from '../graph/aggregate';
import { ExternalHosts, servedServices, type Endpoint } from '../graph/endpoints';
import { collectRawEdges } from '../graph/pick-reporter';
import type { GraphType, Sample, Series } from '../types';
import { samplesByTime } from './series';

/** Enough to show a trend in a table cell, few enough to keep a list of thousands cheap. */
export const SPARKLINE_POINTS = 30;

export interface Sparklines {
  /** Epoch ms of every point, oldest first. */
  readonly timestamps: readonly number[];
  /** Requests per second (http + grpc) into each node with traffic, one per timestamp. */
  readonly byNode: ReadonlyMap<string, readonly number[]>;
}

const NO_SAMPLES: readonly Sample[] = [];

/**
 * Inbound request rates of every node of a `type` graph at each timestamp. `requests` is
 * istio_requests_total rates grouped by EDGE_LABELS (both reporters); a step without samples is no
 * traffic.
 */
export function inboundSparklines(
  type: GraphType,
  externalHosts: readonly string[],
  timestamps: readonly number[],
  requests: readonly Series[],
): Sparklines {
  const external = new ExternalHosts(externalHosts);
  const byTime = samplesByTime(requests);
  const byNode = new Map<string, number[]>();
  timestamps.forEach((t, i) => {
    const raw = collectRawEdges({
      requests: byTime.get(t) ?? NO_SAMPLES,
      durations: NO_SAMPLES,
      tcpSent: NO_SAMPLES,
      tcpReceived: NO_SAMPLES,
    });
    const servedBy: ReadonlyMap<string, ReadonlyMap<string, Endpoint>> = type === 'service'
      ? servedServices(raw, external)
      : new Map();
    for (const e of aggregateEdges(raw, { type, external, servedBy }).values()) {
      let line = byNode.get(e.target.id);
      if (line === undefined) byNode.set(e.target.id, (line = timestamps.map(() => 0)));
      line[i] = (line[i] ?? 0) + e.requests;
    }
  });
  return { timestamps, byNode };
}

/** A node's sparkline: flat zero without traffic; null when the sparklines are unavailable. */
export function sparklineOf(
  sparklines: Sparklines | undefined,
  nodeId: string,
): readonly number[] | null {
  if (sparklines === undefined) return null;
  return sparklines.byNode.get(nodeId) ?? sparklines.timestamps.map(() => 0);
}
