import type { TraceSort } from '@/lib/mesh/traces/select-traces';

/**
 * GET /api/traces and /api/traces/{traceId}. The responses stay declared in
 * lib/mesh/traces/responses.ts, beside the trace types they are made of, and are re-exported here;
 * the query is declared here only. TRACE_WINDOWS is the one value here: the server's schema accepts
 * these windows and the filter offers them, so the list must be one.
 */
export type { TraceResponse, TracesResponse, TracingState } from '@/lib/mesh/traces/responses';

export const TRACE_WINDOWS = ['1m', '5m', '15m', '1h', '6h'] as const;
export type TraceWindow = (typeof TRACE_WINDOWS)[number];

export interface TracesQuery {
  readonly namespace: string;
  readonly source?: string;
  readonly target?: string;
  readonly window: TraceWindow;
  readonly limit: number;
  readonly minDurationMs?: number;
  readonly errorsOnly: boolean;
  readonly operation?: string;
  readonly sort: TraceSort;
}
