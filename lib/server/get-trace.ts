import 'server-only';
import type { TraceResponse } from '@/lib/api/traces';
import { visibleNamespaces } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { NotFoundError } from '@/lib/errors';
import { getJaegerClient } from '@/lib/jaeger/client';
import { adjustClockSkew } from '@/lib/mesh/traces/adjust-clock-skew';
import { criticalPath } from '@/lib/mesh/traces/critical-path';
import { redactTrace } from '@/lib/mesh/traces/redact-trace';
import { serviceSelfTimes } from '@/lib/mesh/traces/self-time';
import { tracingState } from './get-traces';

/** One trace; spans of namespaces this person may not see are redacted before anything is computed. */
export async function getTrace(traceId: string, identity: Identity): Promise<TraceResponse> {
  const client = getJaegerClient();
  if (!client)
    throw new NotFoundError(
      'Tracing is not configured: set JAEGER_URL to the Jaeger query service.',
    );
  const [raw, visible] = await Promise.all([client.getTrace(traceId), visibleNamespaces(identity)]);
  const { trace, adjustments } = adjustClockSkew(
    identity.kind === 'anonymous' ? raw : redactTrace(raw, visible),
  );
  const ui = tracingState().jaegerUiUrl;
  return {
    trace,
    criticalPath: criticalPath(trace),
    skewAdjustments: adjustments,
    serviceSelfTimes: serviceSelfTimes(trace),
    ...(ui ? { jaegerUiUrl: `${ui}/trace/${trace.traceId}` } : {}),
  };
}
