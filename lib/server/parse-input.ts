import 'server-only';
import type { z } from 'zod';
import { InvalidError } from '@/lib/errors';

/**
 * The query string and path parameters of every route are parsed here, the JSON body by
 * readJsonBody: a request whose URL does not fit its schema is unusable, so it is a 400 (malformed)
 * naming each bad parameter, never a 422, which is kept for bodies that parse but cannot be written.
 */
function parseUrlPart<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw InvalidError.fromZod(parsed.error, { malformedQuery: true });
  return parsed.data;
}

/**
 * The query string against `schema`. A repeated parameter counts once, with its last value, as
 * Object.fromEntries has always read it here.
 */
export function parseQuery<S extends z.ZodType>(schema: S, search: URLSearchParams): z.output<S> {
  return parseUrlPart(schema, Object.fromEntries(search));
}

/** The route's path parameters (`await ctx.params`) against `schema`. */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  return parseUrlPart(schema, params);
}
