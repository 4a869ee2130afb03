import { z } from 'zod';

// Ref https://github.com/jaegertracing/jaeger-idl/blob/main/swagger/api_v3/query_service.openapi.yaml
// (fixtures/jaeger/api-v3/query_service.openapi.yaml): OTLP JSON, `opentelemetry.proto.trace.v1.TracesData`,
// wrapped as {"result": …}. Ids are hex in Jaeger's gateway and base64 in plain protobuf JSON (Tempo);
// int64 and nanosecond times are strings; enums may be numbers or names.

interface OtlpAnyValueShape {
  stringValue?: string | undefined;
  boolValue?: boolean | undefined;
  intValue?: string | number | undefined;
  doubleValue?: number | string | undefined;
  bytesValue?: string | undefined;
  arrayValue?: { values?: OtlpAnyValueShape[] | undefined } | undefined;
  kvlistValue?:
    { values?: { key: string; value?: OtlpAnyValueShape | undefined }[] | undefined } | undefined;
}

export const OtlpAnyValueV3: z.ZodType<OtlpAnyValueShape> = z.lazy(() =>
  z.object({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: z.union([z.string(), z.number()]).optional(),
    doubleValue: z.union([z.number(), z.string()]).optional(),
    bytesValue: z.string().optional(),
    arrayValue: z.object({ values: z.array(OtlpAnyValueV3).optional() }).optional(),
    kvlistValue: z
      .object({
        values: z.array(z.object({ key: z.string(), value: OtlpAnyValueV3.optional() })).optional(),
      })
      .optional(),
  }),
);
export type OtlpAnyValueV3 = OtlpAnyValueShape;

export const OtlpKeyValueV3 = z.object({ key: z.string(), value: OtlpAnyValueV3.optional() });
export type OtlpKeyValueV3 = z.infer<typeof OtlpKeyValueV3>;

const nanos = z.union([z.string(), z.number()]);
const enumValue = z.union([z.number(), z.string()]);

export const OtlpSpanV3 = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  name: z.string().optional(),
  kind: enumValue.optional(),
  startTimeUnixNano: nanos.optional(),
  endTimeUnixNano: nanos.optional(),
  attributes: z.array(OtlpKeyValueV3).optional(),
  events: z
    .array(
      z.object({
        timeUnixNano: nanos.optional(),
        name: z.string().optional(),
        attributes: z.array(OtlpKeyValueV3).optional(),
      }),
    )
    .optional(),
  links: z.array(z.object({ traceId: z.string(), spanId: z.string() }).loose()).optional(),
  status: z.object({ code: enumValue.optional(), message: z.string().optional() }).optional(),
});
export type OtlpSpanV3 = z.infer<typeof OtlpSpanV3>;

const OtlpResourceSpansV3 = z.object({
  resource: z.object({ attributes: z.array(OtlpKeyValueV3).optional() }).optional(),
  scopeSpans: z
    .array(
      z.object({
        scope: z.object({ name: z.string().optional(), version: z.string().optional() }).optional(),
        spans: z.array(OtlpSpanV3).optional(),
      }),
    )
    .optional(),
});

export const OtlpTracesDataV3 = z.object({
  resourceSpans: z.array(OtlpResourceSpansV3).optional(),
});
export type OtlpTracesDataV3 = z.infer<typeof OtlpTracesDataV3>;

export const JaegerResultV3 = z.object({ result: OtlpTracesDataV3 });

// Ref https://github.com/jaegertracing/jaeger/blob/v2.20.0/cmd/jaeger/internal/extension/jaegerquery/internal/apiv3/http_gateway.go
// returnError writes {"error": {"httpCode", "message"}}; the OpenAPI file documents google.rpc.Status.
export const JaegerErrorV3 = z.union([
  z.object({ error: z.object({ httpCode: z.number().optional(), message: z.string() }) }),
  z.object({ code: z.number().optional(), message: z.string() }),
]);
export type JaegerErrorV3 = z.infer<typeof JaegerErrorV3>;
