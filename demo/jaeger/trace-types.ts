/** Traces as the simulator keeps them; v1-format.ts and otlp-format.ts turn them into wire JSON. */

export interface SimSpan {
  /** 16 hex digits. */
  spanId: string;
  parentSpanId?: string;
  /** The process: "<canonical-service>.<namespace>", as Istio names its proxies' tracing service. */
  service: string;
  operation: string;
  kind: 'client' | 'server';
  startUs: number;
  durationUs: number;
  tags: Readonly<Record<string, string>>;
  error: boolean;
}

export interface SimTrace {
  /** 32 hex digits (128-bit, as Envoy propagates with W3C/B3). */
  traceId: string;
  spans: SimSpan[];
  startUs: number;
  durationUs: number;
}
