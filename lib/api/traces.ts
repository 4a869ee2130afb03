import type { TraceSort } from '@/lib/mesh/traces/select-traces';
import type { Window } from '@/lib/mesh/types';

/**
 * GET /api/traces and /api/traces/{traceId}. The responses stay declared in
 * lib/mesh/traces/responses.ts, beside the trace types they are made of, and are re-exported here;
 * the query is declared here only.
 */
export type { TraceResponse, TracesResponse, TracingState } from '@/lib/mesh/traces/responses';

export interface TracesQuery {
  readonly namespace: string;
  readonly source?: string;
  readonly target?: string;
  /** Any duration the other views take, 1m to 30d. */
  readonly window: Window;
  /** Epoch ms the window ends at; now when absent. */
  readonly end?: number;
  readonly limit: number;
  readonly minDurationMs?: number;
  readonly errorsOnly: boolean;
  readonly operation?: string;
  readonly sort: TraceSort;
}
