import 'server-only';
import { InvalidError } from '@/lib/errors';
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
