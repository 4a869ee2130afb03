import type { ServiceSelfTime } from './self-time';
import type { CriticalSection, SkewAdjustment, Trace, TraceSummary } from './types';

/** The shapes /api/traces and /api/traces/{id} answer with; the server builds them, the UI reads them. */

export interface TracingState {
  /** False when JAEGER_URL is not set: tracing is optional. */
  readonly configured: boolean;
  /** Jaeger UI's base URL, without a trailing slash, when JAEGER_UI_URL is set. */
  readonly jaegerUiUrl?: string;
}

export interface TracesResponse {
  readonly traces: readonly TraceSummary[];
  readonly tracing: TracingState;
  /** Operation names seen on the edge or node, for the operation filter. */
  readonly operations: readonly string[];
  /** What was asked of Jaeger: the services searched and how many traces came back. */
  readonly searched: { readonly services: readonly string[]; readonly traces: number };
}

export interface TraceResponse {
  /** Clock-skew adjusted, as Jaeger UI shows it; `skewAdjustments` says which spans moved. */
  readonly trace: Trace;
  /** Latest section first. */
  readonly criticalPath: readonly CriticalSection[];
  readonly skewAdjustments: readonly SkewAdjustment[];
  readonly serviceSelfTimes: readonly ServiceSelfTime[];
  /** The same trace in Jaeger UI, when JAEGER_UI_URL is set. */
  readonly jaegerUiUrl?: string;
}
