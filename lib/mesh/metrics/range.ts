import { chooseStep } from '../time/time-range';
import { windowSeconds, type Window } from '../types';

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
 * The range query behind a chart: 60–120 points over the window ending at `endMs` (now, or a past
 * moment), or `maxPoints` to half as many, at a step no finer than the scrape interval, aligned to
 * the step so that viewers opening the same chart within one step share one cached Prometheus answer.
 */
export function metricsRange(
  window: Window,
  endMsWanted: number,
  scrapeIntervalSeconds: number,
  maxPoints?: number,
): MetricsRange {
  const seconds = windowSeconds(window);
  const stepSeconds = chooseStep(seconds, scrapeIntervalSeconds, maxPoints);
  const stepMs = stepSeconds * 1000;
  const points = Math.max(2, Math.round(seconds / stepSeconds));
  const endMs = Math.floor(endMsWanted / stepMs) * stepMs;
  const startMs = endMs - (points - 1) * stepMs;
  const timestamps = Array.from({ length: points }, (_, i) => startMs + i * stepMs);
  return {
    startMs,
    endMs,
    stepSeconds,
    rateSeconds: Math.max(MIN_RATE_SECONDS, 4 * scrapeIntervalSeconds, 4 * stepSeconds),
    timestamps,
  };
}
