import { field } from './workloads.js';

export interface RetryPolicy {
  /** Retries after the first try (0 = none). */
  attempts: number;
  retriable(httpStatus: number, grpcStatus: number | null): boolean;
}

/** What Istio configures when a route says nothing about retries (pilot's default retry policy). */
const DEFAULT_RETRY_ON =
  'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';
const DEFAULT_ATTEMPTS = 2;

const GRPC_CONDITIONS: Readonly<Record<string, number>> = {
  cancelled: 1,
  'deadline-exceeded': 4,
  'resource-exhausted': 8,
  internal: 13,
  unavailable: 14,
};

export function retryPolicy(spec: unknown, viaEnvoy: boolean): RetryPolicy {
  if (!viaEnvoy) return { attempts: 0, retriable: () => false };
  const retries = spec === undefined ? undefined : field.obj(spec);
  const attempts = typeof retries?.attempts === 'number' ? retries.attempts : DEFAULT_ATTEMPTS;
  const retryOn = typeof retries?.retryOn === 'string' ? retries.retryOn : DEFAULT_RETRY_ON;
  const conditions = retryOn.split(',').map((c) => c.trim());
  const codes = new Set<number>();
  const grpc = new Set<number>();
  let any5xx = false;
  let gatewayError = false;
  for (const c of conditions) {
    if (c === '5xx') any5xx = true;
    else if (c === 'gateway-error') gatewayError = true;
    // Istio always lists 503 as a retriable status code when this condition is on.
    else if (c === 'retriable-status-codes') codes.add(503);
    else if (/^\d{3}$/.test(c)) codes.add(Number(c));
    else if (GRPC_CONDITIONS[c] !== undefined) grpc.add(GRPC_CONDITIONS[c]);
  }
  return {
    attempts,
    retriable: (status, grpcStatus) =>
      (grpcStatus !== null && grpc.has(grpcStatus)) ||
      codes.has(status) ||
      (any5xx && status >= 500) ||
      (gatewayError && (status === 502 || status === 503 || status === 504)),
  };
}
