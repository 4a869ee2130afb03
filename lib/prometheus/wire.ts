import { z } from 'zod';

// Ref https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats
// Sample values are strings so that NaN and ±Inf survive JSON; timestamps are float unix seconds.

/** `[unixTimeSeconds, sampleValue]` */
export const PromValueTuple = z.tuple([z.number(), z.string()]);

export const PromLabels = z.record(z.string(), z.string());

export const PromVectorSample = z.object({ metric: PromLabels, value: PromValueTuple });

export const PromMatrixSeries = z.object({ metric: PromLabels, values: z.array(PromValueTuple) });

export const PromVector = z.object({
  resultType: z.literal('vector'),
  result: z.array(PromVectorSample),
});

export const PromMatrix = z.object({
  resultType: z.literal('matrix'),
  result: z.array(PromMatrixSeries),
});

export const PromScalar = z.object({ resultType: z.literal('scalar'), result: PromValueTuple });

export const PromString = z.object({ resultType: z.literal('string'), result: PromValueTuple });

export const PromQueryData = z.discriminatedUnion('resultType', [
  PromVector,
  PromMatrix,
  PromScalar,
  PromString,
]);

// Ref https://prometheus.io/docs/prometheus/latest/querying/api/#format-overview
export const PromSuccess = z.object({
  status: z.literal('success'),
  data: PromQueryData,
  warnings: z.array(z.string()).optional(),
  infos: z.array(z.string()).optional(),
});

export const PromErrorResponse = z.object({
  status: z.literal('error'),
  errorType: z.string(),
  error: z.string(),
  warnings: z.array(z.string()).optional(),
});

export const PromQueryResponse = z.discriminatedUnion('status', [PromSuccess, PromErrorResponse]);

export type PromQueryData = z.infer<typeof PromQueryData>;
export type PromQueryResponse = z.infer<typeof PromQueryResponse>;
