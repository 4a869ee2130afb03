import 'server-only';
import type { ListQuery } from '@/lib/api/list-query';
import { isProblemError } from '@/lib/errors';
import { buildGraph } from '@/lib/mesh/graph/build-graph';
import { metricsRange } from '@/lib/mesh/metrics/range';
import {
  inboundSparklines,
  SPARKLINE_POINTS,
  type Sparklines,
} from '@/lib/mesh/metrics/sparklines';
import type { GraphType, MeshGraph } from '@/lib/mesh/types';
import { getPrometheusClient } from '@/lib/prometheus/client';
import { edgeRequestsQuery, graphQueries } from '@/lib/prometheus/graph-queries';
import { countPrometheusQueries } from '@/lib/prometheus/query-count';
import type { ClusterView } from './read-cluster';
import { checkTimeRange, metricsUnavailable } from './time-range';

export interface ListMetrics {
  /** Undefined when metrics are unavailable. */
  readonly graph?: MeshGraph;
  /** Undefined when metrics, or the range query alone, are unavailable. */
  readonly sparklines?: Sparklines;
  /** Why the graph is missing, for a person. */
  readonly metricsError?: string;
  /** What is missing beside a graph (latencies, sparklines) and why. */
  readonly warnings?: readonly string[];
  /** PromQL queries this request sent: at most three whatever the number of rows. */
  readonly queries: number;
}

/**
 * The metrics behind a list, three PromQL queries whatever its length: the graph's own requests and
 * durations queries as instant queries at the window's end (so the coalescing cache often answers
 * them), and one range query for every row's sparkline. Every selected inventory node is in the
 * graph. A down or failing Prometheus is data (`metricsError`), not an exception, so the inventory
 * can still be listed; a window or end it cannot answer for is a 400.
 */
export async function readListMetrics(
  type: GraphType,
  namespaces: readonly string[] | undefined,
  cluster: ClusterView,
  time: Pick<ListQuery, 'window' | 'end'>,
): Promise<ListMetrics> {
  const selected = namespaces ?? cluster.inventory.namespaces.map((n) => n.name);
  try {
    const limits = await checkTimeRange(time.window, time.end);
    if (selected.length === 0) return { queries: 0 };
    const prom = getPrometheusClient();
    const q = graphQueries(namespaces ?? 'all', time.window);
    const end = time.end ?? Date.now();
    const range = metricsRange(time.window, end, limits.scrapeIntervalSeconds, SPARKLINE_POINTS);
    const warnings: string[] = [];
    // Without request rates there is no list metrics; without latencies or sparklines the rates
    // still stand, so those degrade to a warning.
    const optional = <T>(work: Promise<T>, what: string): Promise<T | undefined> =>
      work.catch((err: unknown) => {
        if (!isProblemError(err)) throw err;
        warnings.push(`${what} are missing: ${err.detail}`);
        return undefined;
      });
    const {
      result: [requests, durations, series],
      queries,
    } = await countPrometheusQueries(() =>
      Promise.all([
        prom.instantQuery(q.requests, time.end),
        optional(prom.instantQuery(q.durations, time.end), 'Latency percentiles'),
        optional(
          prom.rangeQuery(
            edgeRequestsQuery(namespaces ?? 'all', range.rateSeconds),
            range.startMs,
            range.endMs,
            range.stepSeconds,
          ),
          'Request rate sparklines',
        ),
      ]),
    );
    const graph = buildGraph({
      type,
      window: time.window,
      timestamp: end,
      namespaces: selected,
      requests,
      durations: durations ?? [],
      tcpSent: [],
      tcpReceived: [],
      inventory: cluster.inventory,
      externalHosts: cluster.externalHosts,
      includeIdle: true,
    });
    return {
      graph,
      ...(series !== undefined && {
        sparklines: inboundSparklines(type, cluster.externalHosts, range.timestamps, series),
      }),
      ...(warnings.length > 0 && { warnings }),
      queries,
    };
  } catch (err) {
    return { metricsError: metricsUnavailable(err), queries: 0 };
  }
}
