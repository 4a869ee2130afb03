import 'server-only';
import type { MetricsResponse } from '@/lib/api/metrics';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { UpstreamUnavailableError } from '@/lib/errors';
import { requestPoints, tcpPoints, type SeriesContext } from '@/lib/mesh/metrics/series';
import { metricsRange } from '@/lib/mesh/metrics/range';
import { graphTypeOf, type NodeRef } from '@/lib/mesh/graph/parse-node-id';
import type { GraphType, Protocol, Window } from '@/lib/mesh/types';
import { getPrometheusClient } from '@/lib/prometheus/client';
import { metricsQueries } from '@/lib/prometheus/metrics-queries';
import { countPrometheusQueries } from '@/lib/prometheus/query-count';
import { readCluster } from './read-cluster';
import type { TimingEntry } from './server-timing';
import { checkTimeRange } from './time-range';
import { withDeadline } from './with-deadline';

/** A graph node as the request named it and as parsed. */
export interface NodeArg {
  readonly id: string;
  readonly ref: NodeRef;
}

export type MetricsRequest = {
  readonly window: Window;
  /** The moment the window ends, epoch ms; now when absent. */
  readonly end?: number;
  /** The graph the ids come from; read off the ids when absent (see graphTypeOf). */
  readonly type?: GraphType;
} & (
  | {
      readonly kind: 'edge';
      readonly source: NodeArg;
      readonly target: NodeArg;
      readonly protocol: Protocol;
    }
  /** `protocol` undefined: http and grpc requests together, as the graph's node rps counts them. */
  | { readonly kind: 'node'; readonly node: NodeArg; readonly protocol?: Protocol }
);

export interface MetricsResult {
  readonly metrics: MetricsResponse;
  readonly timings: readonly TimingEntry[];
  /** Range queries this request sent; 0 for those another viewer's identical request already sent. */
  readonly queries: number;
}

const METRICS_DEADLINE_MS = 10_000;

function graphTypeFor(req: MetricsRequest): GraphType {
  // A versionedApp graph's app box is the app graph's node (same id): its inbound traffic is the app's.
  if (req.kind === 'node' && req.node.ref.kind === 'app') return 'app';
  return (
    req.type ?? graphTypeOf(req.kind === 'edge' ? [req.source.ref, req.target.ref] : [req.node.ref])
  );
}

/**
 * Range series for one edge or one node of the graph: two range queries (~60 points over the
 * window), shaped per step by the graph's own code so that the charts and the graph agree.
 */
/** The namespaces a metrics request names: a person may chart only nodes of namespaces they may see. */
function namedNamespaces(req: MetricsRequest): string[] {
  const refs = req.kind === 'edge' ? [req.source.ref, req.target.ref] : [req.node.ref];
  return refs.flatMap((ref) => ('namespace' in ref ? [ref.namespace] : []));
}

export async function getMetrics(req: MetricsRequest, identity: Identity): Promise<MetricsResult> {
  await visibleOrRefuse(identity, namedNamespaces(req));
  const limits = await checkTimeRange(req.window, req.end);
  const range = metricsRange(req.window, req.end ?? Date.now(), limits.scrapeIntervalSeconds);
  const type = graphTypeFor(req);
  const protocols: readonly Protocol[] =
    req.protocol !== undefined ? [req.protocol] : ['http', 'grpc'];
  const queries = metricsQueries(
    req.kind === 'edge'
      ? { kind: 'edge', source: req.source.ref, target: req.target.ref, protocol: req.protocol }
      : { kind: 'node', node: req.node.ref, protocol: req.protocol },
    range.rateSeconds,
  );
  const prom = getPrometheusClient();
  const run = (q: string): ReturnType<typeof prom.rangeQuery> =>
    prom.rangeQuery(q, range.startMs, range.endMs, range.stepSeconds);
  const started = performance.now();
  let promMs: number | undefined;
  const series = countPrometheusQueries(() =>
    Promise.all(
      queries.kind === 'tcp'
        ? [run(queries.tcpSent), run(queries.tcpReceived)]
        : [run(queries.requests), run(queries.durations)],
    ),
  ).then((r) => ((promMs = performance.now() - started), r));
  const [
    {
      result: [first, second],
      queries: sent,
    },
    cluster,
  ] = await withDeadline(
    Promise.all([series, readCluster()]),
    METRICS_DEADLINE_MS,
    () =>
      new UpstreamUnavailableError(
        promMs === undefined ? 'prometheus' : 'kubernetes',
        `${promMs === undefined ? 'Prometheus' : 'The Kubernetes caches'} did not answer within ${METRICS_DEADLINE_MS / 1000} s.`,
      ),
  );
  const ctx: SeriesContext = {
    type,
    externalHosts: cluster.externalHosts,
    timestamps: range.timestamps,
    selection:
      req.kind === 'edge'
        ? { kind: 'edge', source: req.source.id, target: req.target.id, protocol: req.protocol }
        : { kind: 'node', node: req.node.id, protocols },
  };
  const t = performance.now();
  const meta: Pick<MetricsResponse, 'window' | 'stepSeconds' | 'type' | 'protocols'> = {
    window: req.window,
    stepSeconds: range.stepSeconds,
    type,
    protocols,
  };
  const metrics: MetricsResponse =
    queries.kind === 'tcp'
      ? { ...meta, protocol: 'tcp', points: tcpPoints(ctx, first, second) }
      : {
          ...meta,
          protocol: req.protocol === 'grpc' ? 'grpc' : 'http',
          points: requestPoints(ctx, first, second),
        };
  return {
    metrics,
    queries: sent,
    timings: [
      { name: 'prom', durMs: promMs ?? 0, desc: `${sent} range queries` },
      { name: 'shape', durMs: performance.now() - t },
    ],
  };
}
