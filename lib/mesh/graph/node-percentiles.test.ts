import { describe, expect, it } from 'vitest';
import {
  INGRESS,
  PRODUCTPAGE,
  RATINGS,
  REVIEWS_V2,
  REVIEWS_V3,
  durations,
  graphInput,
  request,
  to,
} from '../testing/graph-samples';
import { buildGraph } from './build-graph';

const node = (graph: ReturnType<typeof buildGraph>, id: string) => {
  const found = graph.nodes.find((n) => n.id === id);
  if (found === undefined) throw new Error(`no node ${id}`);
  return found;
};

describe('inbound percentiles of a node', () => {
  // Two callers of ratings, 10 rps each: reviews-v2 all under 10 ms, reviews-v3 all in 100..1000 ms.
  const fast = durations(REVIEWS_V2, to(RATINGS, 'ratings'), {
    '10': 10,
    '100': 10,
    '1000': 10,
    '+Inf': 10,
  });
  const slow = durations(REVIEWS_V3, to(RATINGS, 'ratings'), {
    '10': 0,
    '100': 0,
    '1000': 10,
    '+Inf': 10,
  });

  it('sums the buckets of every edge into the node before taking the quantile', () => {
    const graph = buildGraph(
      graphInput({
        requests: [
          request(REVIEWS_V2, to(RATINGS, 'ratings'), 10),
          request(REVIEWS_V3, to(RATINGS, 'ratings'), 10),
        ],
        durations: [...fast, ...slow],
      }),
    );
    const ratings = node(graph, 'wl:bookinfo:ratings-v1');
    // Half the requests are under 10 ms: the median sits at the top of the first bucket.
    expect(ratings.p50Ms).toBeCloseTo(10);
    // The 95th percentile is 90% into the slow half, linearly within 100..1000.
    expect(ratings.p95Ms).toBeCloseTo(100 + 900 * 0.9);
    expect(ratings.p99Ms).toBeCloseTo(100 + 900 * 0.98);
    // Each edge keeps its own.
    const edge = graph.edges.find((e) => e.source === 'wl:bookinfo:reviews-v2');
    expect(edge?.p95Ms).toBeCloseTo(9.5);
  });

  it('reads the reporter the rate is counted on, not both', () => {
    // The caller's proxy sees 1 s (it waits for the network); the server's proxy sees 10 ms.
    const graph = buildGraph(
      graphInput({
        requests: [
          request(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 10, { reporter: 'source' }),
          request(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 10, { reporter: 'destination' }),
          // The gateway has no destination report here: only the caller's view exists.
          request(INGRESS, to(PRODUCTPAGE, 'productpage'), 5, { reporter: 'destination' }),
        ],
        durations: [
          ...durations(
            PRODUCTPAGE,
            to(REVIEWS_V2, 'reviews'),
            { '100': 0, '1000': 10, '+Inf': 10 },
            { reporter: 'source' },
          ),
          ...durations(
            PRODUCTPAGE,
            to(REVIEWS_V2, 'reviews'),
            { '10': 10, '100': 10, '+Inf': 10 },
            { reporter: 'destination' },
          ),
          ...durations(
            INGRESS,
            to(PRODUCTPAGE, 'productpage'),
            { '10': 0, '50': 5, '+Inf': 5 },
            { reporter: 'destination' },
          ),
        ],
      }),
    );
    expect(node(graph, 'wl:bookinfo:reviews-v2').p95Ms).toBeGreaterThan(100);
    // Without a source report the destination's is the only witness, as for the rate.
    expect(node(graph, 'wl:bookinfo:productpage-v1').p95Ms).toBeCloseTo(10 + 40 * 0.95);
  });

  it('leaves the percentiles out without duration data, and for a node nobody calls', () => {
    const graph = buildGraph(graphInput());
    expect(node(graph, 'wl:bookinfo:ratings-v1').p95Ms).toBeUndefined();
    expect(node(graph, 'wl:istio-system:istio-ingressgateway').p95Ms).toBeUndefined();
  });

  it('rolls versions into the app node in an app graph', () => {
    const graph = buildGraph(
      graphInput({
        type: 'app',
        requests: [
          request(REVIEWS_V2, to(RATINGS, 'ratings'), 10),
          request(REVIEWS_V3, to(RATINGS, 'ratings'), 10),
        ],
        durations: [...fast, ...slow],
      }),
    );
    expect(node(graph, 'app:bookinfo:ratings').p95Ms).toBeCloseTo(910);
  });
});
