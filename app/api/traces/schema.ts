import { z } from 'zod';
import { InvalidError } from '@/lib/errors';
import { isNamespaceName } from '@/lib/mesh/namespace-name';
import type { TracesQuery } from '@/lib/api/traces';
import { endParam, windowParam } from '@/app/api/graph/schema';
import { parseQuery } from '@/lib/server/parse-input';

const DNS_HELP = "1–63 of a-z, 0-9 and '-', starting and ending with a letter or digit";
const dnsName = (what: string): z.ZodType<string, string> =>
  z.string().refine(isNamespaceName, `not a ${what} name (${DNS_HELP})`);

const TracesParams = z
  .object({
    namespace: z
      .string({ error: 'required: the namespace of the edge or node' })
      .pipe(dnsName('namespace')),
    source: dnsName('service or workload').optional(),
    target: dnsName('service or workload').optional(),
    window: windowParam.default('15m'),
    end: endParam.optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'an integer from 1 to 200')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 200, 'an integer from 1 to 200')
      .default(20),
    minDurationMs: z
      .string()
      .regex(/^\d{1,7}(\.\d{1,3})?$/, 'a duration in milliseconds, e.g. 250')
      .transform(Number)
      .optional(),
    errorsOnly: z
      .enum(['true', 'false'], { error: 'true or false' })
      .default('false')
      .transform((v) => v === 'true'),
    operation: z
      .string()
      .min(1, 'must not be empty')
      .max(300, 'at most 300 characters')
      .refine((v) => !/\p{Cc}/u.test(v), 'must not contain control characters')
      .optional(),
    sort: z.enum(['newest', 'slowest'], { error: 'newest or slowest' }).default('newest'),
  })
  .refine((p) => p.source !== undefined || p.target !== undefined, {
    path: ['target'],
    message: 'give source, target or both: the edge (or node) whose traces to list',
  });

/** The traces request in a query string; a 400 problem naming each bad parameter otherwise. */
export function parseTracesParams(search: URLSearchParams): TracesQuery {
  return parseQuery(TracesParams, search);
}

/** Jaeger trace ids are 64 or 128 bits in hex; Jaeger also accepts them without leading zeros. */
export function parseTraceId(id: string): string {
  if (/^[0-9a-f]{1,32}$/i.test(id)) return id.toLowerCase();
  throw new InvalidError(
    `traceId: ${JSON.stringify(id.slice(0, 80))} is not a trace id (1 to 32 hex digits)`,
    [{ path: 'traceId', message: 'not a trace id (1 to 32 hex digits)' }],
    { malformedQuery: true },
  );
}
