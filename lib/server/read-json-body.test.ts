import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidError, PayloadTooLargeError } from '@/lib/errors';
import { MAX_JSON_BODY_BYTES, readJsonBody } from './read-json-body';

const Body = z.object({ n: z.number() });

/** A request whose body arrives in chunks, without Content-Length, counting what was pulled. */
function streamed(chunks: readonly string[]): { req: Request; pulled: () => number } {
  let index = 0;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
  // Node needs `duplex` for a stream body; the DOM RequestInit type does not know it yet.
  const init = { method: 'PUT', body, duplex: 'half' } as RequestInit;
  const req = new Request('http://127.0.0.1/api/x', init);
  return { req, pulled: () => index };
}

describe('readJsonBody', () => {
  it('parses a body the schema accepts', async () => {
    const req = new Request('http://127.0.0.1/', { method: 'PUT', body: '{"n":1}' });
    await expect(readJsonBody(req, Body)).resolves.toEqual({ n: 1 });
  });

  it('stops reading a stream as soon as it passes the limit, whatever Content-Length says', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const { req, pulled } = streamed(Array<string>(64).fill(chunk));
    const err = await readJsonBody(req, Body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PayloadTooLargeError);
    expect((err as PayloadTooLargeError).status).toBe(413);
    expect((err as PayloadTooLargeError).limitBytes).toBe(MAX_JSON_BODY_BYTES);
    // 1 MiB is 16 chunks; a pull or two ahead is the stream's own buffering, not a read to the end.
    expect(pulled()).toBeLessThan(20);
  });

  it('refuses a declared Content-Length past the limit before reading', async () => {
    const req = new Request('http://127.0.0.1/', {
      method: 'PUT',
      body: '{"n":1}',
      headers: { 'content-length': String(MAX_JSON_BODY_BYTES + 1) },
    });
    await expect(readJsonBody(req, Body)).rejects.toBeInstanceOf(PayloadTooLargeError);
  });

  it('honours a smaller limit', async () => {
    const req = new Request('http://127.0.0.1/', { method: 'PUT', body: '{"n":12345}' });
    await expect(readJsonBody(req, Body, { maxBytes: 4 })).rejects.toMatchObject({ status: 413 });
  });

  it('answers 400 for what is not UTF-8 JSON and 422 for what the schema refuses', async () => {
    const bad = (body: BodyInit): Request =>
      new Request('http://127.0.0.1/', { method: 'PUT', body });
    await expect(readJsonBody(bad('{"n":'), Body)).rejects.toMatchObject({ status: 400 });
    await expect(readJsonBody(bad(new Uint8Array([0x7b, 0xff, 0x7d])), Body)).rejects.toMatchObject(
      { status: 400 },
    );
    await expect(readJsonBody(bad(''), Body)).rejects.toMatchObject({ status: 400 });
    const refused = await readJsonBody(bad('{"n":"one"}'), Body).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidError);
    expect((refused as InvalidError).status).toBe(422);
    expect((refused as InvalidError).errors[0]?.path).toBe('n');
  });
});
