import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  ConflictError,
  describeNetworkError,
  ForbiddenError,
  InvalidError,
  MAX_LISTED_ERRORS,
  NotFoundError,
  PayloadTooLargeError,
  toProblemResponse,
  UpstreamError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './errors';

async function problemOf(
  err: unknown,
): Promise<{ status: number; contentType: string | null; body: unknown }> {
  const res = toProblemResponse(err);
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    body: await res.json(),
  };
}

describe('toProblemResponse', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [
      new InvalidError('weights must sum to 100', [{ path: 'weights', message: 'sum is 90' }]),
      422,
      'invalid',
      { errors: [{ path: 'weights', message: 'sum is 90' }] },
    ],
    [
      new InvalidError('window: bad', [], { malformedQuery: true }),
      400,
      'malformed-request',
      { errors: [] },
    ],
    [
      new ConflictError('the object has been modified', { resourceVersion: '42' }),
      409,
      'conflict',
      { current: { resourceVersion: '42' } },
    ],
    [new ConflictError('already exists'), 409, 'conflict', {}],
    [new ForbiddenError('Meshlens runs read-only'), 403, 'forbidden', {}],
    [new NotFoundError('no VirtualService reviews'), 404, 'not-found', {}],
    [
      new UpstreamUnavailableError('prometheus', 'connect ECONNREFUSED'),
      503,
      'upstream-unavailable',
      { source: 'prometheus' },
    ],
    [new UpstreamError('jaeger', 'unreadable'), 502, 'upstream-error', { source: 'jaeger' }],
    [
      new UpstreamTimeoutError('kubernetes', 'no answer within 2 s'),
      504,
      'upstream-timeout',
      { source: 'kubernetes' },
    ],
  ])('renders %s as problem+json', async (err, status, type, extras) => {
    const p = await problemOf(err);
    expect(p.status).toBe(status);
    expect(p.contentType).toBe('application/problem+json');
    expect(p.body).toEqual({
      type,
      title: expect.any(String),
      status,
      detail: err.message,
      ...extras,
    });
  });

  it('turns a ZodError into a 422 with field paths', async () => {
    const result = z
      .object({ weights: z.record(z.string(), z.number()) })
      .safeParse({ weights: { v1: 'x' } });
    expect(result.success).toBe(false);
    const p = await problemOf(result.error);
    expect(p.status).toBe(422);
    expect(p.body).toMatchObject({ type: 'invalid', errors: [{ path: 'weights.v1' }] });
  });

  it('hides unknown errors behind a generic 500 and logs the cause', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const p = await problemOf(new Error('password=hunter2'));
    expect(p.status).toBe(500);
    expect(JSON.stringify(p.body)).not.toContain('hunter2');
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('describeNetworkError', () => {
  it('reads the socket error from fetch’s cause', () => {
    const err = new TypeError('fetch failed', {
      cause: new Error('connect ECONNREFUSED 127.0.0.1:9090'),
    });
    expect(describeNetworkError(err)).toBe('connect ECONNREFUSED 127.0.0.1:9090');
  });

  it('names timeouts with their duration', () => {
    expect(describeNetworkError(new DOMException('aborted', 'TimeoutError'), 8000)).toBe(
      'timed out after 8000 ms',
    );
  });

  it('unwraps a dual-stack AggregateError', () => {
    const cause = new AggregateError([new Error('connect ECONNREFUSED ::1:9090')], '');
    expect(describeNetworkError(new TypeError('fetch failed', { cause }))).toBe(
      'connect ECONNREFUSED ::1:9090',
    );
  });
});

describe('a 422 with many errors', () => {
  it('lists the first MAX_LISTED_ERRORS, with the total and truncated', async () => {
    const errors = Array.from({ length: 5000 }, (_, i) => ({
      path: `weights.s${i}`,
      message: 'bad',
    }));
    const { status, body } = await problemOf(new InvalidError('many', errors));
    expect(status).toBe(422);
    expect(body).toMatchObject({ errorsTotal: 5000, truncated: true });
    expect((body as { errors: unknown[] }).errors).toHaveLength(MAX_LISTED_ERRORS);
  });

  it('caps the detail built from zod issues too', () => {
    const schema = z.array(z.string());
    const parsed = schema.safeParse(Array.from({ length: 500 }, (_, i) => i));
    if (parsed.success) throw new Error('expected a failure');
    const err = InvalidError.fromZod(parsed.error);
    expect(err.errors).toHaveLength(500);
    expect(err.detail).toMatch(/; and 450 more$/);
  });

  it('leaves a short list as it was, without the extra members', async () => {
    const { body } = await problemOf(new InvalidError('one', [{ path: 'a', message: 'b' }]));
    expect(body).not.toHaveProperty('truncated');
    expect(body).not.toHaveProperty('errorsTotal');
  });
});

describe('PayloadTooLargeError', () => {
  it('is a 413 payload-too-large problem with the limit', async () => {
    const { status, body } = await problemOf(new PayloadTooLargeError('too big', 1024));
    expect(status).toBe(413);
    expect(body).toMatchObject({ type: 'payload-too-large', status: 413, limitBytes: 1024 });
  });
});
