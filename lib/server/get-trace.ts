import 'server-only';
import type { TraceResponse } from '@/lib/api/traces';
import { NotFoundError } from '@/lib/errors';
import { getJaegerClient } from '@/lib/jaeger/client';
import { adjustClockSkew } from '@/lib/mesh/traces/adjust-clock-skew';
import { criticalPath } from '@/lib/mesh/traces/critical-path';
import { serviceSelfTimes } from '@/lib/mesh/traces/self-time';
import { tracingState } from './get-traces';

export async function getTrace(traceId: string): Promise<TraceResponse> {
  const client = getJaegerClient();
  if (!client)
    throw new NotFoundError(
      'Tracing is not configured: set JAEGER_URL to the Jaeger query service.',
    );
  const { trace, adjustments } = adjustClockSkew(await client.getTrace(traceId));
  const ui = tracingState().jaegerUiUrl;
  return {
    trace,
    criticalPath: criticalPath(trace),
    skewAdjustments: adjustments,
    serviceSelfTimes: serviceSelfTimes(trace),
    ...(ui ? { jaegerUiUrl: `${ui}/trace/${trace.traceId}` } : {}),
  };
}
