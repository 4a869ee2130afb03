import { z } from 'zod';
import { isNamespaceName } from '@/lib/mesh/namespace-name';
import type { GraphType } from '@/lib/mesh/types';
import type { GraphQuery } from '@/lib/api/graph';
import { parseQuery } from '@/lib/server/parse-input';

/** More would make a PromQL regex no person could read; the UI offers "all" differently. */
const MAX_NAMESPACES = 200;

export const GRAPH_TYPE_VALUES = [
  'workload',
  'app',
  'versionedApp',
  'service',
] as const satisfies readonly GraphType[];
export const WINDOW_VALUES = ['1m', '5m', '15m', '1h'] as const;

/** A comma-separated list of namespace names; each must be a DNS-1123 label, at least one. */
export const namespaceList = z
  .string({ error: 'required: a comma-separated list of namespaces, e.g. namespaces=bookinfo' })
  .transform((s) => s.split(',').map((n) => n.trim()))
  .superRefine((names, ctx) => {
    if (names.length > MAX_NAMESPACES) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_NAMESPACES} namespaces` });
      return;
    }
    for (const n of names) {
      if (!isNamespaceName(n)) {
        ctx.addIssue({
          code: 'custom',
          message: `${JSON.stringify(n.slice(0, 80))} is not a namespace name (1–63 of a-z, 0-9 and '-', starting and ending with a letter or digit)`,
        });
      }
    }
  });

export const windowParam = z.enum(WINDOW_VALUES, { error: `one of ${WINDOW_VALUES.join(', ')}` });

const GraphParams = z.object({
  namespaces: namespaceList,
  type: z
    .enum(GRAPH_TYPE_VALUES, { error: `one of ${GRAPH_TYPE_VALUES.join(', ')}` })
    .default('workload'),
  window: windowParam.default('5m'),
  idle: z
    .enum(['true', 'false'], { error: 'true or false' })
    .default('false')
    .transform((v) => v === 'true'),
});

/** The graph request in a query string; a 400 problem naming each bad parameter otherwise. */
export function parseGraphParams(search: URLSearchParams): GraphQuery {
  return parseQuery(GraphParams, search);
}
