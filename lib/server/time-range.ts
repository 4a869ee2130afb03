import 'server-only';
import { InvalidError, isProblemError } from '@/lib/errors';
import { timeRangeProblems, type PrometheusLimits } from '@/lib/mesh/time/time-range';
import { windowSeconds, type Window } from '@/lib/mesh/types';
import { getPrometheusClient } from '@/lib/prometheus/client';

/**
 * Refuses (400) a window or an end Prometheus cannot answer for, naming the limit it learned from
 * Prometheus itself; answers the limits for the range step otherwise.
 */
export async function checkTimeRange(window: Window, endMs?: number): Promise<PrometheusLimits> {
  const limits = await getPrometheusClient().limits();
  const problems = timeRangeProblems(windowSeconds(window), endMs, Date.now(), limits);
  if (problems.length > 0)
    throw new InvalidError(
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems.map((p) => ({ path: p.path, message: p.message })),
      { malformedQuery: true },
    );
  return limits;
}

/**
 * Why metrics are missing, for a person, when a read that checked its time range with
 * {@link checkTimeRange} failed: Prometheus being away or failing is data the page shows, a window
 * it cannot answer is the request's fault (rethrown as the 400), and anything else is a bug.
 */
export function metricsUnavailable(err: unknown): string {
  if (!isProblemError(err) || err instanceof InvalidError) throw err;
  return err.detail;
}
