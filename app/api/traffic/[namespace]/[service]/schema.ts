import { z } from 'zod';
import type { TrafficParams, TrafficQuery, UpdateWeightsBody } from '@/lib/api/traffic';
import { isNamespaceName } from '@/lib/mesh/namespace-name';
import { endParam, windowParam } from '@/app/api/graph/schema';
import { parseParams, parseQuery } from '@/lib/server/parse-input';
import { readJsonBody } from '@/lib/server/read-json-body';

const dnsLabel = (what: string): z.ZodType<string> =>
  z.string().refine(isNamespaceName, { error: `not a ${what} name (1–63 of a-z, 0-9 and '-')` });

const Params = z.object({ namespace: dnsLabel('namespace'), service: dnsLabel('service') });

export function parseTrafficParams(params: unknown): TrafficParams {
  return parseParams(Params, params);
}

const Query = z.object({
  window: windowParam.default('1m'),
  end: endParam.optional(),
  dryRun: z
    .enum(['true', 'false'], { error: 'true or false' })
    .default('false')
    .transform((v) => v === 'true'),
});

export function parseTrafficQuery(search: URLSearchParams): TrafficQuery {
  return parseQuery(Query, search);
}

/** A route has a handful of destinations; more keys than this is not an edit a person made. */
const MAX_SUBSETS = 64;

/** Weights are checked here only for shape; validateWeights gives the reasons a person can act on. */
const Body = z.object({
  route: z.number().int().min(0).max(10_000).optional(),
  weights: z
    .record(z.string().min(1).max(253), z.number())
    .refine((w) => Object.keys(w).length <= MAX_SUBSETS, {
      error: `at most ${MAX_SUBSETS} subsets`,
    }),
  resourceVersion: z.string().min(1, 'required: the resourceVersion the editor loaded'),
});

/** The JSON body of a write: 413 past 1 MiB, 400 when it is not JSON, 422 naming each bad field. */
export function parseUpdateWeightsBody(req: Request): Promise<UpdateWeightsBody> {
  return readJsonBody(req, Body);
}
