import { WINDOW_SECONDS, type Window } from '../types';

export const POINTS_PER_SERIES = 60;
/**
 * Shortest rate() range of a series point. A rate needs two samples inside its range, and real
 * Prometheus setups scrape every 15–30 s, so a range under a minute would leave holes that read as
 * zero traffic (Grafana's $__rate_interval reasons the same way: at least 4 scrape intervals).
 */
const MIN_RATE_SECONDS = 60;

export interface MetricsRange {
  /** Epoch ms of the first and last point, both multiples of the step. */
  readonly startMs: number;
  readonly endMs: number;
  readonly stepSeconds: number;
  /** The range of each point's rate(): ≥ the step so that no request falls between two points. */
  readonly rateSeconds: number;
  /** Every point's time, oldest first. */
  readonly timestamps: readonly number[];
}

/**
 * The range query behind a side-panel chart: ~60 points over the window, aligned to the step so that
 * viewers opening the same chart in the same step share one cached Prometheus answer.
 */
export function metricsRange(window: Window, nowMs: number): MetricsRange {
  const stepSeconds = Math.max(1, Math.round(WINDOW_SECONDS[window] / POINTS_PER_SERIES));
  const stepMs = stepSeconds * 1000;
  const endMs = Math.floor(nowMs / stepMs) * stepMs;
  const startMs = endMs - (POINTS_PER_SERIES - 1) * stepMs;
  const timestamps = Array.from({ length: POINTS_PER_SERIES }, (_, i) => startMs + i * stepMs);
  return {
    startMs,
    endMs,
    stepSeconds,
    rateSeconds: Math.max(MIN_RATE_SECONDS, 4 * stepSeconds),
    timestamps,
  };
}
