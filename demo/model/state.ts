import { newHistogram, observe, type Histogram } from './histogram.js';
import { renderLabels, type Reporter, type SeriesLabels } from './istio-labels.js';

export interface HttpSeries {
  labels: string;
  reporter: Reporter;
  requests: number;
  duration: Histogram;
  requestBytes: Histogram;
  responseBytes: Histogram;
}

export interface TcpSeries {
  labels: string;
  sent: number;
  received: number;
  opened: number;
  closed: number;
}

/**
 * Everything the model accumulates. Counters only ever grow; a state handed from the backfill to
 * the live simulator keeps growing from where the history ended, so rate() has no gap or reset.
 */
export interface ModelState {
  nowMs: number;
  rngState: number;
  http: Map<string, HttpSeries>;
  tcp: Map<string, TcpSeries>;
  /** Outlier detection: pod name → ejected until (ms). */
  ejectedUntil: Map<string, number>;
  /** Outlier detection: pod name → current run of consecutive 5xx. */
  consecutive5xx: Map<string, number>;
}

export function newModelState(seed: number, nowMs: number): ModelState {
  return {
    nowMs,
    rngState: seed >>> 0,
    http: new Map(),
    tcp: new Map(),
    ejectedUntil: new Map(),
    consecutive5xx: new Map(),
  };
}

export interface HttpObservation {
  durationMs: number;
  requestBytes: number;
  responseBytes: number;
}

/** `key` is a short identity for the label set, so the long label string is built once per series. */
export function recordHttp(
  state: ModelState,
  key: string,
  labels: () => SeriesLabels,
  obs: HttpObservation,
): void {
  let s = state.http.get(key);
  if (!s) {
    const l = labels();
    s = {
      labels: renderLabels(l),
      reporter: l.reporter,
      requests: 0,
      duration: newHistogram(),
      requestBytes: newHistogram(),
      responseBytes: newHistogram(),
    };
    state.http.set(key, s);
  }
  s.requests++;
  observe(s.duration, obs.durationMs);
  observe(s.requestBytes, obs.requestBytes);
  observe(s.responseBytes, obs.responseBytes);
}

export interface TcpObservation {
  sent: number;
  received: number;
  opened: number;
  closed: number;
}

export function recordTcp(
  state: ModelState,
  key: string,
  labels: () => SeriesLabels,
  obs: TcpObservation,
): void {
  let s = state.tcp.get(key);
  if (!s) {
    s = { labels: renderLabels(labels()), sent: 0, received: 0, opened: 0, closed: 0 };
    state.tcp.set(key, s);
  }
  s.sent += obs.sent;
  s.received += obs.received;
  s.opened += obs.opened;
  s.closed += obs.closed;
}

/** Clients keep a small pool of long-lived connections per peer; only churn beyond it closes. */
const POOL_SIZE = 4;

/** How many of `opened` new connections close, given the series so far (the pool stays open). */
export function closedConnections(state: ModelState, key: string, opened: number): number {
  const existing = state.tcp.get(key);
  const openAfter = (existing?.opened ?? 0) + opened;
  return Math.max(0, Math.min(opened, openAfter - (existing?.closed ?? 0) - POOL_SIZE));
}
