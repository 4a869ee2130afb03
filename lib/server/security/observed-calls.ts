import 'server-only';
import { UpstreamUnavailableError } from '@/lib/errors';
import { decodeObservedCalls } from '@/lib/mesh/security/decode-observed-calls';
import type { ObservedCall } from '@/lib/mesh/security/types';
import type { Window } from '@/lib/mesh/types';
import { getPrometheusClient, type PrometheusClient } from '@/lib/prometheus/client';
import { securityQueries } from '@/lib/prometheus/security-queries';
import { withDeadline } from '../with-deadline';

/** As the graph's: the three queries run in parallel, so one slow Prometheus answer bounds the wait. */
const OBSERVED_CALLS_DEADLINE_MS = 10_000;

/**
 * The calls into the namespaces' workloads (or the whole mesh's) in the window (ending now, or at
 * `endMs`), as the destination
 * proxies reported them: three PromQL queries whatever the number of namespaces. Throws the
 * Prometheus client's ProblemError (unreachable, refused) or an UpstreamUnavailableError after the
 * deadline; callers that can do without traffic catch it.
 */
export async function readObservedCalls(
  namespaces: readonly string[] | 'all',
  window: Window,
  prom: PrometheusClient = getPrometheusClient(),
  endMs?: number,
): Promise<ObservedCall[]> {
  if (namespaces !== 'all' && namespaces.length === 0) return [];
  const q = securityQueries(namespaces, window);
  const [requests, tcpSent, tcpReceived] = await withDeadline(
    Promise.all([
      prom.instantQuery(q.requests, endMs),
      prom.instantQuery(q.tcpSent, endMs),
      prom.instantQuery(q.tcpReceived, endMs),
    ]),
    OBSERVED_CALLS_DEADLINE_MS,
    () =>
      new UpstreamUnavailableError(
        'prometheus',
        `Prometheus did not answer the security queries within ${OBSERVED_CALLS_DEADLINE_MS / 1000} s.`,
      ),
  );
  return decodeObservedCalls({ requests, tcpSent, tcpReceived });
}
