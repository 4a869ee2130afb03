import { z } from 'zod';

// Ref https://github.com/jaegertracing/jaeger/blob/v2.20.0/internal/uimodel/model.go
// (the UI JSON model behind GET /api/traces and /api/traces/{id}; fixtures/jaeger/v1-ui-trace.ui_01.json)

export const JaegerKeyValueV1 = z.object({
  key: z.string(),
  type: z.string().optional(),
  // string, bool, int64 (a number, or a string beyond 2^53), float64, binary (base64 string)
  value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
});
export type JaegerKeyValueV1 = z.infer<typeof JaegerKeyValueV1>;

const JaegerReferenceV1 = z.object({
  refType: z.string(),
  traceID: z.string(),
  spanID: z.string(),
});

const JaegerSpanV1 = z.object({
  traceID: z.string(),
  spanID: z.string(),
  operationName: z.string(),
  references: z.array(JaegerReferenceV1).nullish(),
  startTime: z.number(),
  duration: z.number(),
  tags: z.array(JaegerKeyValueV1).nullish(),
  logs: z
    .array(z.object({ timestamp: z.number(), fields: z.array(JaegerKeyValueV1).nullish() }))
    .nullish(),
  processID: z.string().nullish(),
  process: z
    .object({ serviceName: z.string(), tags: z.array(JaegerKeyValueV1).nullish() })
    .nullish(),
  warnings: z.array(z.string()).nullish(),
});

const JaegerProcessV1 = z.object({
  serviceName: z.string(),
  tags: z.array(JaegerKeyValueV1).nullish(),
});

export const JaegerTraceV1 = z.object({
  traceID: z.string(),
  spans: z.array(JaegerSpanV1),
  processes: z.record(z.string(), JaegerProcessV1).nullish(),
  warnings: z.array(z.string()).nullish(),
});
export type JaegerTraceV1 = z.infer<typeof JaegerTraceV1>;

// Ref https://github.com/jaegertracing/jaeger/blob/v2.20.0/cmd/jaeger/internal/extension/jaegerquery/internal/http_handler.go
// structuredResponse: every v1 answer, errors included (those go out as text/plain).
const JaegerErrorV1 = z.object({
  code: z.number().optional(),
  msg: z.string(),
  traceID: z.string().optional(),
});

export const JaegerEnvelopeV1 = z.object({
  data: z.unknown(),
  total: z.number().optional(),
  limit: z.number().optional(),
  offset: z.number().optional(),
  errors: z.array(JaegerErrorV1).nullish(),
});
export type JaegerEnvelopeV1 = z.infer<typeof JaegerEnvelopeV1>;

export const JaegerTracesV1 = z.array(JaegerTraceV1).nullable();
