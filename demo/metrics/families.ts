import { ENVOY_BUCKETS, type Histogram } from '../model/histogram.js';
import type { HttpSeries, ModelState, TcpSeries } from '../model/state.js';
import type { MetricsShape } from '../scenarios/topology.js';

/** The istio_* families, in the order Envoy's stats sink emits them, and how to read each series. */

export interface CounterFamily {
  kind: 'counter';
  /** Full sample name, with _total. */
  name: string;
  series(state: ModelState): Iterable<{ labels: string; value: number }>;
}

export interface HistogramFamily {
  kind: 'histogram';
  name: string;
  series(state: ModelState): Iterable<{ labels: string; histogram: Histogram }>;
}

export type Family = CounterFamily | HistogramFamily;

/**
 * `le` as Envoy prints it ({:.32g}): shortest exact decimal, never an exponent for these bounds.
 * JavaScript's Number#toString gives the same text for every default bucket.
 */
export const LE_VALUES: readonly string[] = [...ENVOY_BUCKETS.map((b) => String(b)), '+Inf'];

function* httpSeries<T>(
  state: ModelState,
  shape: MetricsShape | undefined,
  histogram: boolean,
  pick: (s: HttpSeries) => T,
): Iterable<{ labels: string } & T> {
  for (const s of state.http.values()) {
    if (histogram && s.reporter === 'destination' && shape && !shape.destinationHistograms)
      continue;
    yield { labels: s.labels, ...pick(s) };
  }
}

function* tcpSeries(
  state: ModelState,
  pick: (s: TcpSeries) => number,
): Iterable<{ labels: string; value: number }> {
  for (const s of state.tcp.values()) yield { labels: s.labels, value: pick(s) };
}

/** `shape` drops families or series big meshes cannot afford (see Topology.metrics). */
export function istioFamilies(shape?: MetricsShape): Family[] {
  const families: Family[] = [
    {
      kind: 'counter',
      name: 'istio_requests_total',
      series: (st) => httpSeries(st, shape, false, (s) => ({ value: s.requests })),
    },
    {
      kind: 'histogram',
      name: 'istio_request_duration_milliseconds',
      series: (st) => httpSeries(st, shape, true, (s) => ({ histogram: s.duration })),
    },
  ];
  if (!shape || shape.byteHistograms) {
    families.push(
      {
        kind: 'histogram',
        name: 'istio_request_bytes',
        series: (st) => httpSeries(st, shape, true, (s) => ({ histogram: s.requestBytes })),
      },
      {
        kind: 'histogram',
        name: 'istio_response_bytes',
        series: (st) => httpSeries(st, shape, true, (s) => ({ histogram: s.responseBytes })),
      },
    );
  }
  families.push(
    {
      kind: 'counter',
      name: 'istio_tcp_sent_bytes_total',
      series: (st) => tcpSeries(st, (s) => s.sent),
    },
    {
      kind: 'counter',
      name: 'istio_tcp_received_bytes_total',
      series: (st) => tcpSeries(st, (s) => s.received),
    },
    {
      kind: 'counter',
      name: 'istio_tcp_connections_opened_total',
      series: (st) => tcpSeries(st, (s) => s.opened),
    },
    {
      kind: 'counter',
      name: 'istio_tcp_connections_closed_total',
      series: (st) => tcpSeries(st, (s) => s.closed),
    },
  );
  return families;
}
