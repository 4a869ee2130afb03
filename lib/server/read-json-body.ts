import 'server-only';
import type { z } from 'zod';
import { InvalidError, PayloadTooLargeError } from '@/lib/errors';

/** What a JSON write may send: far above any routing object, far below what hurts the server. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const tooLarge = (limit: number): PayloadTooLargeError =>
  new PayloadTooLargeError(
    `The request body is larger than ${limit / 1024} KiB; nothing was read past that.`,
    limit,
  );

/**
 * The body's bytes, counted as they arrive: Content-Length is only a hint (a chunked body has none,
 * and a client may lie), so the stream is cancelled as soon as it passes `limit`.
 */
async function readLimited(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Reads, decodes and checks the JSON body of a request, the same way for every endpoint: 413 past
 * `maxBytes`, 400 when it is not UTF-8 JSON, 422 naming each field the schema refuses.
 */
export async function readJsonBody<T>(
  req: Request,
  schema: z.ZodType<T>,
  { maxBytes = MAX_JSON_BODY_BYTES }: { maxBytes?: number } = {},
): Promise<T> {
  const bytes = await readLimited(req, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new InvalidError('The request body is not valid JSON.', [], { malformedQuery: true });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw InvalidError.fromZod(parsed.error);
  return parsed.data;
}
