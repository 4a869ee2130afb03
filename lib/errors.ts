import { z } from 'zod';
import type { FieldError, Problem, ProblemType, UpstreamSource } from '@/lib/api/problem';
import { CLEARED_SESSION_COOKIE } from '@/lib/auth/session-cookie-name';

/**
 * Typed errors and their RFC 9457 problem+json rendering. The body's shape, which the browser reads,
 * is declared in lib/api/problem.ts, so that the browser never needs these classes.
 */

/** A 422 lists at most this many errors, so a hostile body cannot make the answer larger than itself. */
export const MAX_LISTED_ERRORS = 50;

/** The first MAX_LISTED_ERRORS of `list` under `key`, and the total when some were left out. */
export function cappedList(key: string, list: readonly unknown[]): Record<string, unknown> {
  if (list.length <= MAX_LISTED_ERRORS) return { [key]: list };
  return { [key]: list.slice(0, MAX_LISTED_ERRORS), [`${key}Total`]: list.length, truncated: true };
}

/** Joins the first MAX_LISTED_ERRORS messages and says how many more there were. */
export function joinCapped(messages: readonly string[]): string {
  const shown = messages.slice(0, MAX_LISTED_ERRORS).join('; ');
  const more = messages.length - MAX_LISTED_ERRORS;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/** Base of every error that maps to a problem response; `detail` is the message, written for a person. */
export abstract class ProblemError extends Error {
  abstract readonly status: number;
  abstract readonly type: ProblemType;
  abstract readonly title: string;

  get detail(): string {
    return this.message;
  }

  /** Members added to the problem object beside {type, title, status, detail}. */
  extras(): Record<string, unknown> {
    return {};
  }
}

export class InvalidError extends ProblemError {
  readonly status: 400 | 422;
  readonly type: ProblemType;
  readonly title: string;
  readonly errors: readonly FieldError[];

  /** `malformedQuery` turns the 422 into a 400: the request itself (query string, JSON syntax) is unusable. */
  constructor(
    detail: string,
    errors: readonly FieldError[] = [],
    opts: { malformedQuery?: boolean } = {},
  ) {
    super(detail);
    this.name = 'InvalidError';
    this.errors = errors;
    this.status = opts.malformedQuery ? 400 : 422;
    this.type = opts.malformedQuery ? 'malformed-request' : 'invalid';
    this.title = opts.malformedQuery ? 'Malformed request' : 'Invalid request';
  }

  /** Paths are dotted (`weights.v1`, `routes.0.weight`), matching Kubernetes' `field` style. */
  static fromZod(err: z.ZodError, opts: { malformedQuery?: boolean } = {}): InvalidError {
    const errors = err.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    const detail = joinCapped(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
    return new InvalidError(detail || 'The request is invalid.', errors, opts);
  }

  override extras(): Record<string, unknown> {
    return cappedList('errors', this.errors);
  }
}

/**
 * The one shape of a problem that is a fixed status, type and title (plus, for some, a value the
 * response carries): each error below names itself here instead of repeating the four members.
 */
function problemKind(name: string, status: number, type: ProblemType, title: string) {
  return class extends ProblemError {
    override name = name;
    readonly status = status;
    readonly type = type;
    readonly title = title;
  };
}

export class ConflictError extends problemKind('ConflictError', 409, 'conflict', 'Conflict') {
  readonly current?: { readonly resourceVersion: string };

  constructor(detail: string, current?: { resourceVersion: string }) {
    super(detail);
    if (current) this.current = current;
  }

  override extras(): Record<string, unknown> {
    return this.current ? { current: this.current } : {};
  }
}

export class NotFoundError extends problemKind('NotFoundError', 404, 'not-found', 'Not found') {}

/** The body is not declared as JSON (`Content-Type: application/json`). */
export class UnsupportedMediaTypeError extends problemKind(
  'UnsupportedMediaTypeError',
  415,
  'unsupported-media-type',
  'Unsupported media type',
) {}

/**
 * No signed-in user (401): no session, an expired one, a refused token, or a request that did not
 * come through the auth proxy. `endSession` also clears the cookie (the API server stopped taking it).
 */
export class UnauthenticatedError extends problemKind(
  'UnauthenticatedError',
  401,
  'unauthenticated',
  'Sign-in required',
) {
  constructor(
    detail: string,
    readonly endSession = false,
  ) {
    super(detail);
  }
}

export class ForbiddenError extends problemKind('ForbiddenError', 403, 'forbidden', 'Forbidden') {}

/** The request body is larger than the endpoint reads; `limitBytes` says how large it may be. */
export class PayloadTooLargeError extends problemKind(
  'PayloadTooLargeError',
  413,
  'payload-too-large',
  'Payload too large',
) {
  constructor(
    detail: string,
    readonly limitBytes: number,
  ) {
    super(detail);
  }

  override extras(): Record<string, unknown> {
    return { limitBytes: this.limitBytes };
  }
}

/** A failure of one data source; `source` tells the browser which one. */
export abstract class SourceProblemError extends ProblemError {
  readonly source: UpstreamSource;

  constructor(source: UpstreamSource, detail: string, options?: { cause?: unknown }) {
    super(detail, options);
    this.source = source;
  }

  override extras(): Record<string, unknown> {
    return { source: this.source };
  }
}

/** The source could not be reached at all (refused, timed out, not ready). */
export class UpstreamUnavailableError extends SourceProblemError {
  override readonly name = 'UpstreamUnavailableError';
  readonly status = 503;
  readonly type = 'upstream-unavailable';
  readonly title = 'Upstream unavailable';
}

/**
 * The source took the request but did not answer in time. Apart from "unavailable" because a write
 * that timed out may still have been applied, which its detail must say.
 */
export class UpstreamTimeoutError extends SourceProblemError {
  override readonly name = 'UpstreamTimeoutError';
  readonly status = 504;
  readonly type = 'upstream-timeout';
  readonly title = 'Upstream timeout';
}

/** The source answered, but with an error or with something we cannot read. */
export class UpstreamError extends SourceProblemError {
  override readonly name = 'UpstreamError';
  readonly status = 502;
  readonly type = 'upstream-error';
  readonly title = 'Bad upstream response';
}

export function isProblemError(err: unknown): err is ProblemError {
  return err instanceof ProblemError;
}

export function problemJson(
  status: number,
  title: string,
  detail: string,
  extras: Record<string, unknown> = {},
  type: ProblemType = 'internal',
): Response {
  const problem: Problem = { type, title, status, detail };
  return new Response(JSON.stringify({ ...extras, ...problem }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

/** The only place an error becomes an HTTP response. Unknown errors are logged and hidden. */
export function toProblemResponse(err: unknown): Response {
  if (err instanceof z.ZodError) return toProblemResponse(InvalidError.fromZod(err));
  if (err instanceof ProblemError) {
    const response = problemJson(err.status, err.title, err.detail, err.extras(), err.type);
    if (err instanceof UnauthenticatedError && err.endSession)
      response.headers.append('set-cookie', CLEARED_SESSION_COOKIE);
    return response;
  }
  console.error('Unhandled error while serving a request:', err);
  return problemJson(
    500,
    'Internal server error',
    'Something went wrong on the Meshlens server; the cause is in its log.',
  );
}

/**
 * A one-line, person-readable reason for a failed connection: fetch wraps the socket error in
 * `cause` ("connect ECONNREFUSED 127.0.0.1:9090"), AbortSignal.timeout throws a TimeoutError.
 */
export function describeNetworkError(err: unknown, timeoutMs?: number): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      return timeoutMs === undefined ? 'timed out' : `timed out after ${timeoutMs} ms`;
    }
    const cause: unknown = err.cause;
    // Node reports a dual-stack connect failure as an AggregateError with an empty message.
    if (cause instanceof AggregateError && cause.errors[0] instanceof Error) {
      return cause.errors[0].message;
    }
    if (cause instanceof Error && cause.message) return cause.message;
    return err.message;
  }
  return String(err);
}
