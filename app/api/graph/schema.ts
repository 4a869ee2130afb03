import { z } from 'zod';
import { isNamespaceName } from '@/lib/mesh/namespace-name';
import { readEnd, readWindow } from '@/lib/mesh/time/params';
import { AMBIENT_VIEWS, type GraphType } from '@/lib/mesh/types';
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

/** Any Prometheus duration from 1m to 30d, written back in one spelling ("90m" for "1h30m"). */
export const windowParam = z
  .string({ error: 'a duration such as 5m, 6h or 7d' })
  .transform((text, ctx) => {
    const read = readWindow(text);
    if (read.ok) return read.window;
    ctx.addIssue({ code: 'custom', message: read.message });
    return z.NEVER;
  });

/** A past moment the view ends at: RFC 3339 (2026-12-05T11:00:00Z) or Unix seconds; epoch ms. */
export const endParam = z.string().transform((text, ctx) => {
  const ms = readEnd(text);
  if (ms !== undefined) return ms;
  ctx.addIssue({
    code: 'custom',
    message: 'an RFC 3339 time (2026-12-05T11:00:00Z) or Unix seconds',
  });
  return z.NEVER;
});

const GraphParams = z.object({
  namespaces: namespaceList,
  type: z
    .enum(GRAPH_TYPE_VALUES, { error: `one of ${GRAPH_TYPE_VALUES.join(', ')}` })
    .default('workload'),
  window: windowParam.default('5m'),
  end: endParam.optional(),
  idle: z
    .enum(['true', 'false'], { error: 'true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  ambient: z.enum(AMBIENT_VIEWS, { error: `one of ${AMBIENT_VIEWS.join(', ')}` }).default('total'),
});

/** The graph request in a query string; a 400 problem naming each bad parameter otherwise. */
export function parseGraphParams(search: URLSearchParams): GraphQuery {
  return parseQuery(GraphParams, search);
}
