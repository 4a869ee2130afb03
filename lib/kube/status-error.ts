import 'server-only';
import { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  isProblemError,
  NotFoundError,
  UpstreamError,
  UpstreamUnavailableError,
} from '@/lib/errors';

// Ref https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
export const KubeStatus = z.object({
  kind: z.literal('Status'),
  status: z.string().optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  details: z
    .object({
      name: z.string().optional(),
      group: z.string().optional(),
      kind: z.string().optional(),
      causes: z
        .array(
          z.object({
            reason: z.string().optional(),
            message: z.string().optional(),
            field: z.string().optional(),
          }),
        )
        .optional(),
      retryAfterSeconds: z.number().optional(),
    })
    .optional(),
  code: z.number().optional(),
});
export type KubeStatus = z.infer<typeof KubeStatus>;

/**
 * The API server did not accept the credentials (401). A 502 for Meshlens' own; a caller that sent a
 * user's token (lib/server/user-write-errors.ts) turns it into a 401 that ends the session.
 */
export class KubeUnauthorizedError extends UpstreamError {}

/** `ApiException` from @kubernetes/client-node, recognised by shape so a second bundled copy still matches. */
interface ApiExceptionLike {
  readonly code: number;
  readonly body: unknown;
}

function isApiException(err: unknown): err is ApiExceptionLike {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    typeof err.code === 'number' &&
    'body' in err
  );
}

/** The apiserver's Status from an error body, which the client hands over as a raw JSON string. */
export function parseKubeStatus(body: unknown): KubeStatus | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const parsed = KubeStatus.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function isNetworkError(err: Error): boolean {
  const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  const cause: unknown = err.cause;
  const causeCode =
    typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : undefined;
  return (
    (code !== undefined && NETWORK_CODES.has(code)) ||
    (causeCode !== undefined && NETWORK_CODES.has(causeCode)) ||
    err.name === 'FetchError' ||
    err.name === 'AbortError' ||
    err.name === 'TimeoutError'
  );
}

/**
 * Any failure of a Kubernetes call as a typed error: the apiserver's Status decides the class and its
 * message (already written for people) becomes the detail; 422 causes are joined as `field: message`.
 * Errors that are not recognised are returned unchanged (they become a logged 500).
 */
export function toKubeError(err: unknown): Error {
  if (isProblemError(err)) return err;
  if (isApiException(err)) return fromStatusCode(err.code, parseKubeStatus(err.body));
  if (err instanceof Error && isNetworkError(err)) {
    return new UpstreamUnavailableError(
      'kubernetes',
      `The Kubernetes API is unreachable: ${err.message}`,
      {
        cause: err,
      },
    );
  }
  return err instanceof Error ? err : new Error(String(err));
}

function fromStatusCode(code: number, status: KubeStatus | undefined): Error {
  const message =
    status?.message ||
    `The Kubernetes API answered HTTP ${code}${status?.reason ? ` (${status.reason})` : ''}.`;
  switch (code) {
    case 400:
    case 422: {
      const errors = (status?.details?.causes ?? []).map((c) => ({
        path: c.field ?? '',
        message: c.message ?? c.reason ?? 'invalid',
      }));
      const detail =
        errors.length > 0
          ? errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')
          : message;
      return new InvalidError(detail, errors);
    }
    case 401:
      return new KubeUnauthorizedError(
        'kubernetes',
        "The Kubernetes API rejected Meshlens' credentials (401 Unauthorized); check the kubeconfig or the service account token.",
      );
    case 403:
      return new ForbiddenError(message);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    case 429:
    case 503:
    case 504:
      return new UpstreamUnavailableError('kubernetes', message);
    default:
      return new UpstreamError('kubernetes', message);
  }
}
