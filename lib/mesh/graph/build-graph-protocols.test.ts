import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { edge, node } from '../testing/graph-lookup';
import {
  BOOKINFO_INVENTORY,
  DETAILS,
  PRODUCTPAGE,
  RATINGS,
  REVIEWS_V1,
  REVIEWS_V2,
  UNKNOWN_PEER,
  durations,
  graphInput,
  meshRequest,
  request,
  tcpBytes,
  to,
  workload,
} from '../testing/graph-samples';

describe('buildGraph: protocols and reporters', () => {
  const CLIENT = { ns: 'bookinfo', wl: 'client-v1', app: 'client', version: 'v1' };
  const BANK = { ns: 'bank', wl: 'deposit-v1', app: 'deposit', version: 'v1' };

  it('gRPC: statuses 1–16 are errors; http and grpc edges between the same nodes stay apart', () => {
    const g = buildGraph(
      graphInput({
        requests: [
          ...meshRequest(CLIENT, to(BANK, 'deposit'), 8, { protocol: 'grpc' }),
          ...meshRequest(CLIENT, to(BANK, 'deposit'), 2, { protocol: 'grpc', grpc: '14' }),
          ...meshRequest(CLIENT, to(BANK, 'deposit'), 5),
        ],
      }),
    );
    const grpc = edge(g, 'wl:bookinfo:client-v1', 'wl:bank:deposit-v1', 'grpc');
    expect(grpc).toMatchObject({ rps: 10, errorRate: 0.2, health: 'failing' });
    expect(grpc.responseCodes).toEqual({ '2xx': 8, '3xx': 0, '4xx': 0, '5xx': 0, other: 2 });
    expect(edge(g, 'wl:bookinfo:client-v1', 'wl:bank:deposit-v1', 'http')).toMatchObject({
      rps: 5,
      errorRate: 0,
    });
    expect(node(g, 'wl:bank:deposit-v1')).toMatchObject({ outside: true, rps: 15 });
  });

  it('TCP: bytes both ways, mTLS share by bytes, node alive without requests', () => {
    const DB = { ns: 'bookinfo', wl: 'mysql-v1', app: 'mysql', version: 'v1' };
    const g = buildGraph(
      graphInput({
        requests: [],
        tcpSent: [
          tcpBytes(RATINGS, to(DB, 'mysql'), 300, { reporter: 'source' }),
          tcpBytes(RATINGS, to(DB, 'mysql'), 300, { reporter: 'destination' }),
        ],
        tcpReceived: [
          tcpBytes(RATINGS, to(DB, 'mysql'), 50, { reporter: 'source', security: 'none' }),
          tcpBytes(RATINGS, to(DB, 'mysql'), 50, { reporter: 'source' }),
          tcpBytes(RATINGS, to(DB, 'mysql'), 100, { reporter: 'destination' }),
        ],
      }),
    );
    const e = edge(g, 'wl:bookinfo:ratings-v1', 'wl:bookinfo:mysql-v1', 'tcp');
    expect(e).toMatchObject({
      bytesPerSecond: 400,
      sentBytesPerSecond: 300,
      receivedBytesPerSecond: 100,
      errorRate: 0,
    });
    expect(e.rps).toBeUndefined();
    expect(e.mtls).toBeCloseTo(350 / 400, 12);
    expect(node(g, 'wl:bookinfo:mysql-v1')).toMatchObject({ health: 'healthy', rps: 0 });
  });

  it("TCP directions follow Istio's metric reference: received is the request, sent the response", () => {
    // A backup job uploading 5000 B/s and getting 20 B/s of acknowledgements back, seen by the
    // callee's proxy only (the job has no sidecar).
    const JOB = { ns: 'bookinfo', wl: 'backup', app: 'backup' };
    const STORE = { ns: 'bookinfo', wl: 'store-v1', app: 'store', version: 'v1' };
    const g = buildGraph(
      graphInput({
        requests: [],
        tcpReceived: [tcpBytes(JOB, to(STORE, 'store'), 5000, { reporter: 'destination' })],
        tcpSent: [tcpBytes(JOB, to(STORE, 'store'), 20, { reporter: 'destination' })],
      }),
    );
    expect(edge(g, 'wl:bookinfo:backup', 'wl:bookinfo:store-v1', 'tcp')).toMatchObject({
      receivedBytesPerSecond: 5000,
      sentBytesPerSecond: 20,
    });
  });

  it('unknown source: only the destination reporter exists', () => {
    const g = buildGraph(
      graphInput({
        requests: [
          request(UNKNOWN_PEER, to(PRODUCTPAGE, 'productpage'), 7, {
            reporter: 'destination',
            security: 'none',
          }),
        ],
      }),
    );
    expect(node(g, 'unknown')).toMatchObject({
      kind: 'unknown',
      namespace: 'unknown',
      health: 'healthy',
      rps: 0,
    });
    expect(node(g, 'unknown').outside).toBeUndefined();
    expect(edge(g, 'unknown', 'wl:bookinfo:productpage-v1')).toMatchObject({ rps: 7, mtls: 0 });
  });

  it('a workload without a sidecar: destination reports only, plaintext', () => {
    const LEGACY = { ns: 'bookinfo', wl: 'legacy-v1', app: 'legacy', version: 'v1' };
    const g = buildGraph(
      graphInput({
        requests: [
          request(LEGACY, to(DETAILS, 'details'), 4, { reporter: 'destination', security: 'none' }),
        ],
        inventory: {
          ...BOOKINFO_INVENTORY,
          workloads: [
            ...BOOKINFO_INVENTORY.workloads,
            workload('bookinfo', 'legacy-v1', { hasSidecar: false }),
          ],
        },
      }),
    );
    expect(edge(g, 'wl:bookinfo:legacy-v1', 'wl:bookinfo:details-v1')).toMatchObject({
      rps: 4,
      mtls: 0,
    });
    expect(node(g, 'wl:bookinfo:legacy-v1').hasSidecar).toBe(false);
    expect(node(g, 'wl:bookinfo:details-v1').hasSidecar).toBe(true);
  });

  it('mTLS share: mixed traffic gives 0.5; unknown on the source report takes the destination share', () => {
    const mixed = [
      request(PRODUCTPAGE, to(DETAILS, 'details'), 5, {
        reporter: 'source',
        security: 'mutual_tls',
      }),
      request(PRODUCTPAGE, to(DETAILS, 'details'), 5, { reporter: 'source', security: 'none' }),
    ];
    expect(
      edge(
        buildGraph(graphInput({ requests: mixed })),
        'wl:bookinfo:productpage-v1',
        'wl:bookinfo:details-v1',
      ).mtls,
    ).toBe(0.5);

    const unknownOnSource = [
      request(PRODUCTPAGE, to(DETAILS, 'details'), 10, { reporter: 'source', security: 'unknown' }),
      request(PRODUCTPAGE, to(DETAILS, 'details'), 5, {
        reporter: 'destination',
        security: 'mutual_tls',
      }),
      request(PRODUCTPAGE, to(DETAILS, 'details'), 5, {
        reporter: 'destination',
        security: 'none',
      }),
    ];
    const e = edge(
      buildGraph(graphInput({ requests: unknownOnSource })),
      'wl:bookinfo:productpage-v1',
      'wl:bookinfo:details-v1',
    );
    expect(e).toMatchObject({ rps: 10, mtls: 0.5 });
  });

  it('the source reporter wins: it alone sees client-side failures', () => {
    const g = buildGraph(
      graphInput({
        requests: [
          ...meshRequest(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 9),
          // Timed out at the client: the server answered 200 late, the client reported 504 UT.
          request(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 1, {
            reporter: 'source',
            code: '504',
            flags: 'UT',
          }),
          request(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 1, { reporter: 'destination' }),
        ],
      }),
    );
    expect(edge(g, 'wl:bookinfo:productpage-v1', 'wl:bookinfo:reviews-v2')).toMatchObject({
      rps: 10,
      errorRate: 0.1,
    });
  });
});

describe('buildGraph: latency', () => {
  it('computes percentiles from summed bucket rates of the chosen reporter', () => {
    const g = buildGraph(
      graphInput({
        type: 'app',
        durations: [
          ...durations(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'), {
            '1': 0,
            '5': 10,
            '10': 10,
            '+Inf': 10,
          }),
          ...durations(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), {
            '1': 0,
            '5': 0,
            '10': 10,
            '+Inf': 10,
          }),
          // Ignored: the source reporter covers this raw edge.
          ...durations(
            PRODUCTPAGE,
            to(REVIEWS_V2, 'reviews'),
            { '1': 100, '5': 100, '10': 100, '+Inf': 100 },
            { reporter: 'destination' },
          ),
        ],
      }),
    );
    const e = edge(g, 'app:bookinfo:productpage', 'app:bookinfo:reviews');
    // Summed: le 1 → 0, 5 → 10, 10 → 20, +Inf → 20; rank 10 ends exactly at 5, rank 19 at 9.5.
    expect(e.p50Ms).toBe(5);
    expect(e.p95Ms).toBeCloseTo(9.5, 12);
    expect(e.p99Ms).toBeCloseTo(9.9, 12);
  });

  it('leaves percentiles out for a +Inf-only histogram', () => {
    const g = buildGraph(
      graphInput({ durations: durations(PRODUCTPAGE, to(DETAILS, 'details'), { '+Inf': 30 }) }),
    );
    const e = edge(g, 'wl:bookinfo:productpage-v1', 'wl:bookinfo:details-v1');
    expect(e.p50Ms).toBeUndefined();
    expect(e.p99Ms).toBeUndefined();
  });
});
