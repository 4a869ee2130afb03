/**
 * Which moments a view may ask about, and how finely: a window of 1m to 30d ending now or at a past
 * `end`, never shorter than two scrapes (a rate needs two samples) nor ending before what
 * Prometheus still keeps. The limits come from Prometheus itself (lib/prometheus/limits.ts).
 */
import { formatDuration, formatEnd } from './duration';

export const MIN_WINDOW_SECONDS = 60;
export const MAX_WINDOW_SECONDS = 30 * 86_400;
/** A clock a little ahead of Prometheus' is no reason to refuse "now". */
const FUTURE_SLACK_SECONDS = 60;

export interface PrometheusLimits {
  /** global.scrape_interval of the Prometheus configuration. */
  readonly scrapeIntervalSeconds: number;
  /** storage.tsdb.retention.time; undefined when Prometheus does not say (a remote store). */
  readonly retentionSeconds?: number;
}

export interface TimeRangeProblem {
  readonly path: 'window' | 'end';
  readonly message: string;
}

/** What is wrong with asking for `windowSeconds` ending at `endMs` (now when undefined); empty when fine. */
export function timeRangeProblems(
  windowSeconds: number,
  endMs: number | undefined,
  nowMs: number,
  limits: PrometheusLimits,
): TimeRangeProblem[] {
  const problems: TimeRangeProblem[] = [];
  const shortest = 2 * limits.scrapeIntervalSeconds;
  if (windowSeconds < shortest)
    problems.push({
      path: 'window',
      message: `at least ${formatDuration(shortest)}: twice Prometheus' scrape interval (${formatDuration(limits.scrapeIntervalSeconds)}), or a rate has fewer than two samples`,
    });
  const end = endMs ?? nowMs;
  if (end > nowMs + FUTURE_SLACK_SECONDS * 1000)
    problems.push({ path: 'end', message: `in the future (it is ${formatEnd(nowMs)})` });
  // A window reaching past the retention still shows what is kept; an end before it shows nothing.
  if (limits.retentionSeconds !== undefined) {
    const oldest = nowMs - limits.retentionSeconds * 1000;
    if (end < oldest)
      problems.push({
        path: 'end',
        message: `Prometheus keeps ${formatDuration(limits.retentionSeconds)} of data (storage.tsdb.retention.time): end must be after ${formatEnd(oldest)}`,
      });
  }
  return problems;
}

/** Steps a person reads easily; consecutive ones at most twice apart, so 60–120 points always fit. */
const STEPS = [
  1, 2, 3, 5, 10, 15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200,
  86_400,
];
export const MAX_POINTS = 120;

/**
 * The step of a range query over the window: the smallest readable step giving at most `maxPoints`
 * (so at least half as many while the scrape interval allows), never below the scrape interval, so a
 * 7-day chart costs Prometheus what a 1-hour one does.
 */
export function chooseStep(
  windowSeconds: number,
  scrapeIntervalSeconds: number,
  maxPoints: number = MAX_POINTS,
): number {
  const wanted = windowSeconds / maxPoints;
  const step = STEPS.find((s) => s >= wanted) ?? STEPS[STEPS.length - 1] ?? 86_400;
  return Math.max(step, Math.ceil(scrapeIntervalSeconds));
}
