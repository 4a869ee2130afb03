/**
 * The error body of every /api route (RFC 9457 problem+json), as lib/errors.ts renders it and
 * lib/client/api-fetch.ts reads it. Declared here, not in lib/errors.ts, so that the browser can
 * name these types without importing the error classes.
 */
// Ref https://www.rfc-editor.org/rfc/rfc9457

/** A bare slug (a relative URI reference, which RFC 9457 allows): clients compare it without knowing the host. */
export type ProblemType =
  | 'invalid'
  | 'malformed-request'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'upstream-unavailable'
  | 'upstream-error'
  | 'upstream-timeout'
  | 'internal';

export type UpstreamSource = 'prometheus' | 'jaeger' | 'kubernetes';

/** One refused field of a 400/422; paths are dotted (`weights.v1`), as Kubernetes' `field` is. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** The members every problem has; each error class adds its own beside them (errors, current, source…). */
export interface Problem {
  readonly type: ProblemType;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}
