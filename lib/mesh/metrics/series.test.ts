import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build-graph';
import {
  DETAILS,
  INGRESS,
  PRODUCTPAGE,
  RATINGS,
  REVIEWS_V1,
  REVIEWS_V2,
  REVIEWS_V3,
  bookinfoRequests,
  durations,
  graphInput,
  request,
  tcpBytes,
  to,
} from '../testing/graph-samples';
import { requestPoints, tcpPoints, type SeriesContext } from './series';
import type { Sample, Series } from '../types';

const T0 = 1_700_000_000_000;
const T1 = T0 + 5_000;

/** Samples at T0 only, or at each of the given times with a multiplier per time. */
function asSeries(samples: readonly Sample[], at: Readonly<Record<number, number>>): Series[] {
  return samples.map((s) => ({
    labels: s.labels,
    points: Object.entries(at).map(([t, k]) => ({ t: Number(t), v: s.value * k })),
  }));
}

const ctx = (over: Partial<SeriesContext>): SeriesContext => ({
  type: 'workload',
  externalHosts: [],
  timestamps: [T0, T1],
  selection: {
    kind: 'edge',
    source: 'wl:bookinfo:productpage-v1',
    target: 'wl:bookinfo:details-v1',
    protocol: 'http',
  },
  ...over,
});

const DETAILS_DURATIONS = [
  ...durations(PRODUCTPAGE, to(DETAILS, 'details'), { '5': 10, '10': 25, '25': 29, '+Inf': 30 }),
  // The destination's own view must be ignored: the graph measures this edge on the source.
  ...durations(
    PRODUCTPAGE,
    to(DETAILS, 'details'),
    { '5': 30, '10': 30, '25': 30, '+Inf': 30 },
    { reporter: 'destination' },
  ),
];

describe('requestPoints', () => {
  it('matches the graph edge at the same step, on the source reporter only', () => {
    const points = requestPoints(
      ctx({}),
      asSeries(bookinfoRequests(), { [T0]: 1, [T1]: 2 }),
      asSeries(DETAILS_DURATIONS, { [T0]: 1, [T1]: 2 }),
    );
    const edge = buildGraph(graphInput({ durations: DETAILS_DURATIONS })).edges.find(
      (e) => e.id === 'wl:bookinfo:productpage-v1>wl:bookinfo:details-v1:http',
    );
    const [first, second] = points;
    expect(first).toMatchObject({ t: T0, rps2xx: 29, rps5xx: 1, rpsOther: 0 });
    expect(first?.rps2xx).toBe(edge?.responseCodes?.['2xx']);
    expect(first?.errorRate).toBeCloseTo(edge?.errorRate ?? NaN, 12);
    expect(first?.p50Ms).toBeCloseTo(edge?.p50Ms ?? NaN, 9);
    expect(first?.p95Ms).toBeCloseTo(edge?.p95Ms ?? NaN, 9);
    expect(first?.p99Ms).toBeCloseTo(edge?.p99Ms ?? NaN, 9);
    expect(second).toMatchObject({ t: T1, rps2xx: 58, rps5xx: 2 });
  });

  it('gives idle steps zero rates and null shares and percentiles', () => {
    const points = requestPoints(ctx({}), asSeries(bookinfoRequests(), { [T1]: 1 }), []);
    expect(points[0]).toEqual({
      t: T0,
      rps2xx: 0,
      rps3xx: 0,
      rps4xx: 0,
      rps5xx: 0,
      rpsOther: 0,
      errorRate: null,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
    });
    expect(points[1]?.p95Ms).toBeNull();
  });

  it('uses the destination reporter when the caller has no proxy', () => {
    const samples = [
      request({ ns: 'unknown', wl: 'unknown' }, to(PRODUCTPAGE, 'productpage'), 7, {
        reporter: 'destination',
      }),
    ];
    const points = requestPoints(
      ctx({
        selection: {
          kind: 'edge',
          source: 'unknown',
          target: 'wl:bookinfo:productpage-v1',
          protocol: 'http',
        },
      }),
      asSeries(samples, { [T0]: 1 }),
      [],
    );
    expect(points[0]?.rps2xx).toBe(7);
  });

  it('sums every edge into a node for its inbound view, per graph type', () => {
    const series = asSeries(bookinfoRequests(), { [T0]: 1 });
    const ratings = requestPoints(
      ctx({
        selection: { kind: 'node', node: 'wl:bookinfo:ratings-v1', protocols: ['http', 'grpc'] },
      }),
      series,
      [],
    );
    expect(ratings[0]).toMatchObject({ rps2xx: 19, rps5xx: 1, errorRate: 0.05 });
    const reviewsApp = requestPoints(
      ctx({
        type: 'app',
        selection: { kind: 'node', node: 'app:bookinfo:reviews', protocols: ['http'] },
      }),
      series,
      [],
    );
    expect(reviewsApp[0]?.rps2xx).toBe(30);
    const reviewsToRatings = requestPoints(
      ctx({
        type: 'service',
        selection: {
          kind: 'edge',
          source: 'svc:bookinfo:reviews',
          target: 'svc:bookinfo:ratings',
          protocol: 'http',
        },
      }),
      series,
      [],
    );
    expect(reviewsToRatings[0]).toMatchObject({ rps2xx: 19, rps5xx: 1 });
  });

  it('keeps protocols apart', () => {
    const grpc = [request(INGRESS, to(REVIEWS_V1, 'reviews'), 4, { protocol: 'grpc', grpc: '14' })];
    const c = ctx({
      selection: { kind: 'node', node: 'wl:bookinfo:reviews-v1', protocols: ['grpc'] },
    });
    const points = requestPoints(c, asSeries([...grpc, ...bookinfoRequests()], { [T0]: 1 }), []);
    expect(points[0]).toMatchObject({ rps2xx: 0, rpsOther: 4, errorRate: 1 });
  });
});

describe('tcpPoints', () => {
  it('reports both directions of the selected TCP edge', () => {
    const sent = [
      tcpBytes(REVIEWS_V2, to(RATINGS, 'ratings'), 100),
      tcpBytes(REVIEWS_V3, to(RATINGS, 'ratings'), 5),
    ];
    const received = [tcpBytes(REVIEWS_V2, to(RATINGS, 'ratings'), 40)];
    const points = tcpPoints(
      ctx({
        selection: {
          kind: 'edge',
          source: 'wl:bookinfo:reviews-v2',
          target: 'wl:bookinfo:ratings-v1',
          protocol: 'tcp',
        },
      }),
      asSeries(sent, { [T0]: 1 }),
      asSeries(received, { [T0]: 1 }),
    );
    expect(points).toEqual([
      { t: T0, sentBytesPerSecond: 100, receivedBytesPerSecond: 40 },
      { t: T1, sentBytesPerSecond: 0, receivedBytesPerSecond: 0 },
    ]);
  });

  it('sums TCP into a node across callers', () => {
    const sent = [
      tcpBytes(REVIEWS_V2, to(RATINGS, 'ratings'), 100),
      tcpBytes(REVIEWS_V3, to(RATINGS, 'ratings'), 5),
    ];
    const points = tcpPoints(
      ctx({ selection: { kind: 'node', node: 'wl:bookinfo:ratings-v1', protocols: ['tcp'] } }),
      asSeries(sent, { [T0]: 1 }),
      [],
    );
    expect(points[0]?.sentBytesPerSecond).toBe(105);
  });
});
