/**
 * Traces as the domain sees them, whatever Jaeger API they came from (lib/jaeger decodes v1 JSON and
 * v3 OTLP JSON into these). Times are microseconds since the epoch, as Jaeger keeps them.
 */

/** A tag value; int64 values beyond 2^53 stay strings so no digit is lost. */
export type TagValue = string | number | boolean;

export type SpanKind = 'client' | 'server' | 'producer' | 'consumer' | 'internal' | 'unspecified';

export interface SpanLog {
  readonly timestampUs: number;
  readonly fields: Readonly<Record<string, TagValue>>;
}

/** The emitting process: Istio names it "<canonical-service>.<namespace>". */
export interface SpanProcess {
  readonly serviceName: string;
  readonly tags: Readonly<Record<string, TagValue>>;
}

export interface Span {
  readonly traceId: string;
  readonly spanId: string;
  /** The CHILD_OF parent (else FOLLOWS_FROM) within this trace; may name a span the trace lacks. */
  readonly parentId?: string;
  /** True when the parent link is FOLLOWS_FROM: the parent does not wait for this span. */
  readonly followsFrom?: boolean;
  readonly service: string;
  readonly operation: string;
  readonly startUs: number;
  readonly durationUs: number;
  readonly tags: Readonly<Record<string, TagValue>>;
  readonly logs: readonly SpanLog[];
  readonly error: boolean;
  readonly process: SpanProcess;
  readonly kind: SpanKind;
  readonly warnings?: readonly string[];
}

export interface Trace {
  readonly traceId: string;
  /** In start order. */
  readonly spans: readonly Span[];
  readonly warnings?: readonly string[];
}

/** One line of a trace list. */
export interface TraceSummary {
  readonly traceId: string;
  /** Epoch milliseconds. */
  readonly startTime: number;
  readonly durationMs: number;
  readonly spanCount: number;
  readonly error: boolean;
  /** Service names, sorted. */
  readonly services: readonly string[];
  readonly rootOperation?: string;
}

/** A stretch of one span on the critical path; `[startUs, endUs)` on the (skew-adjusted) clock. */
export interface CriticalSection {
  readonly spanId: string;
  readonly startUs: number;
  readonly endUs: number;
}

/** How far a span was shifted because its host's clock disagreed with its parent's. */
export interface SkewAdjustment {
  readonly spanId: string;
  readonly deltaUs: number;
}
