import 'server-only';
import type { GraphQuery, GraphResponse } from '@/lib/api/graph';
import { coalescingCache, type CoalescingCache } from '@/lib/cache';
import { isProblemError, UpstreamUnavailableError } from '@/lib/errors';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { buildGraph } from '@/lib/mesh/graph/build-graph';
import { restrictGraph } from '@/lib/mesh/graph/restrict-graph';
import type { MeshGraph, Sample } from '@/lib/mesh/types';
import { getPrometheusClient } from '@/lib/prometheus/client';
import { graphQueries } from '@/lib/prometheus/graph-queries';
import { countPrometheusQueries } from '@/lib/prometheus/query-count';
import { readCluster } from './read-cluster';
import type { TimingEntry } from './server-timing';
import { checkTimeRange } from './time-range';
import { withDeadline } from './with-deadline';

export interface GraphResult {
  readonly graph: GraphResponse;
  /** prom (the five queries, decoding included), kube (informer caches), build, cache. */
  readonly timings: readonly TimingEntry[];
  /**
   * PromQL queries this request sent: at most the five of load() whatever the number of
   * namespaces or the ambient view, 0 when the graph came from the cache or from a build another request started.
   */
  readonly queries: number;
}

interface Built {
  readonly graph: MeshGraph & { readonly warnings?: readonly string[] };
  readonly promMs: number;
  readonly kubeMs: number;
  readonly buildMs: number;
}

/** Shorter than the shortest refresh (10 s), so a viewer never sees the same graph twice. */
const GRAPH_CACHE_TTL_MS = 5_000;
/** The whole request, whatever the sources' own timeouts add up to. */
const GRAPH_DEADLINE_MS = 10_000;

const CACHE_KEY = Symbol.for('meshlens.graphCache');

function graphCache(): CoalescingCache<Built> {
  const store = globalThis as { [CACHE_KEY]?: CoalescingCache<Built> };
  // Few entries: each holds a whole graph, and distinct views within 5 s are rare.
  store[CACHE_KEY] ??= coalescingCache<Built>(GRAPH_CACHE_TTL_MS, Date.now, 32);
  return store[CACHE_KEY];
}

async function load(req: GraphQuery): Promise<Built> {
  const q = graphQueries(req.namespaces, req.window);
  const prom = getPrometheusClient();
  const timestamp = req.end ?? Date.now();
  const started = performance.now();
  let promMs: number | undefined;
  let kubeMs: number | undefined;
  const warnings: string[] = [];
  // Without request rates there is no graph; without latencies or TCP bytes there is still a useful
  // one (the duration buckets are by far the largest answer at scale), so those degrade to a warning.
  const optional = (query: string, what: string): Promise<Sample[]> =>
    prom.instantQuery(query, req.end).catch((err: unknown) => {
      if (!isProblemError(err)) throw err;
      warnings.push(`${what} are missing: ${err.detail}`);
      return [];
    });
  const metrics = Promise.all([
    prom.instantQuery(q.requests, req.end),
    optional(q.durations, 'Latency percentiles'),
    optional(q.tcpSent, 'TCP response bytes'),
    optional(q.tcpReceived, 'TCP request bytes'),
    optional(q.tcpOpened, 'TCP connections'),
  ]).then((r) => ((promMs = performance.now() - started), r));
  const cluster = readCluster().then((c) => ((kubeMs = performance.now() - started), c));
  const [[requests, durations, tcpSent, tcpReceived, tcpOpened], { inventory, externalHosts }] =
    await withDeadline(Promise.all([metrics, cluster]), GRAPH_DEADLINE_MS, () =>
      promMs === undefined
        ? new UpstreamUnavailableError(
            'prometheus',
            `Prometheus did not answer the graph queries within ${GRAPH_DEADLINE_MS / 1000} s.`,
          )
        : new UpstreamUnavailableError(
            'kubernetes',
            `The Kubernetes caches were not ready within ${GRAPH_DEADLINE_MS / 1000} s.`,
          ),
    );
  const t = performance.now();
  const graph = buildGraph({
    type: req.type,
    window: req.window,
    timestamp,
    namespaces: req.namespaces,
    requests,
    durations,
    tcpSent,
    tcpReceived,
    tcpOpened,
    ambient: req.ambient,
    inventory,
    externalHosts,
    includeIdle: req.idle,
  });
  return {
    graph: warnings.length > 0 ? { ...graph, warnings } : graph,
    promMs: promMs ?? 0,
    kubeMs: kubeMs ?? 0,
    buildMs: performance.now() - t,
  };
}

/**
 * The topology graph of the selected namespaces: five PromQL queries in parallel plus the informer
 * caches, built in lib/mesh. Identical requests within a few seconds share one build, so N viewers on
 * the same view cost Prometheus what one does. The cache holds the graph as Meshlens sees it; each
 * person's view is cut from it (restrictGraph), so people share the build but not what it shows.
 */
export async function getGraph(req: GraphQuery, identity: Identity): Promise<GraphResult> {
  const namespaces = [...new Set(req.namespaces)].sort();
  const visible = await visibleOrRefuse(identity, namespaces);
  await checkTimeRange(req.window, req.end);
  const key = [
    req.type,
    req.ambient,
    req.window,
    req.end ?? 'now',
    req.idle,
    namespaces.join(','),
  ].join('|');
  let fresh = false;
  const { result: built, queries } = await countPrometheusQueries(() =>
    graphCache().get(key, () => {
      fresh = true;
      return load({ ...req, namespaces });
    }),
  );
  return {
    graph: identity.kind === 'anonymous' ? built.graph : restrictGraph(built.graph, visible),
    queries,
    timings: [
      { name: 'prom', durMs: built.promMs, desc: `${queries} queries` },
      { name: 'kube', durMs: built.kubeMs },
      { name: 'build', durMs: built.buildMs },
      { name: 'cache', desc: fresh ? 'miss' : 'hit' },
    ],
  };
}
