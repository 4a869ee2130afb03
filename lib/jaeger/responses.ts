import 'server-only';
import { z } from 'zod';
import { UpstreamError, UpstreamUnavailableError } from '@/lib/errors';
import { JaegerEnvelopeV1 } from './wire-v1';
import { JaegerErrorV3 } from './wire-v3';

export interface JaegerBody {
  readonly status: number;
  /** The parsed JSON, whatever the Content-Type said; undefined when it was not JSON. */
  readonly json: unknown;
  readonly text: string;
}

/**
 * Reads a body by its content: Jaeger's v1 handler writes its JSON errors through Go's http.Error,
 * which labels them text/plain (fixtures/README.md, finding 2).
 */
export async function readBody(res: Response): Promise<JaegerBody> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

/** The message Jaeger put in an error body (v1 envelope `errors[].msg`, v3 `error.message`). */
function errorMessage(body: JaegerBody): string | undefined {
  const v1 = JaegerEnvelopeV1.safeParse(body.json);
  const first = v1.success ? v1.data.errors?.[0]?.msg : undefined;
  if (first) return first;
  const v3 = JaegerErrorV3.safeParse(body.json);
  if (v3.success) return 'error' in v3.data ? v3.data.error.message : v3.data.message;
  const text = body.text.trim();
  return text ? text.slice(0, 200) : undefined;
}

/** A failed answer as a typed error: 502–504 mean Jaeger (or its storage) is not there. */
export function failure(where: string, what: string, body: JaegerBody): Error {
  const msg = errorMessage(body);
  const detail = `${where} answered HTTP ${body.status} to ${what}${msg ? `: ${msg}` : ''}.`;
  return body.status >= 502 && body.status <= 504
    ? new UpstreamUnavailableError('jaeger', detail)
    : new UpstreamError('jaeger', detail);
}

/** Parses `body.json` with a wire schema, or says what Jaeger sent that we could not read. */
export function parseWire<T>(
  schema: z.ZodType<T>,
  body: JaegerBody,
  where: string,
  what: string,
): T {
  const parsed = schema.safeParse(body.json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue ? ` (${issue.path.map(String).join('.') || 'body'}: ${issue.message})` : '';
  throw new UpstreamError('jaeger', `${where} sent an unreadable answer to ${what}${at}.`);
}
