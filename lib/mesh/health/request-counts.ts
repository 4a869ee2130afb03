import type { ResponseCodes, Sample } from '../types';

/**
 * Request rates split the way health judges them. Rates are requests per second, but any consistent
 * unit works since health only looks at shares.
 */
export interface RequestCounts {
  readonly total: number;
  /** HTTP 5xx, no response (response_code "0") and gRPC statuses 1–16. */
  readonly serverErrors: number;
  /** HTTP 4xx. */
  readonly clientErrors: number;
}

export const NO_REQUESTS: RequestCounts = { total: 0, serverErrors: 0, clientErrors: 0 };

export type ResponseClass = keyof ResponseCodes;

/**
 * Which response-code class one request falls in. A gRPC call fails with HTTP 200 and a non-zero
 * grpc_response_status, so the gRPC status is read first; it is `other`, not `2xx`, so the class
 * breakdown never shows failed calls as successes.
 */
export function responseClass(responseCode: string, grpcStatus: string | undefined): ResponseClass {
  if (grpcStatus !== undefined && isGrpcError(grpcStatus)) return 'other';
  switch (responseCode.charAt(0)) {
    case '2':
      return responseCode.length === 3 ? '2xx' : 'other';
    case '3':
      return responseCode.length === 3 ? '3xx' : 'other';
    case '4':
      return responseCode.length === 3 ? '4xx' : 'other';
    case '5':
      return responseCode.length === 3 ? '5xx' : 'other';
    default:
      return 'other';
  }
}

/** gRPC statuses 1 (CANCELLED) … 16 (UNAUTHENTICATED); "0" is OK and "" means not gRPC. */
export function isGrpcError(grpcStatus: string): boolean {
  const n = Number(grpcStatus);
  return grpcStatus !== '' && Number.isInteger(n) && n >= 1 && n <= 16;
}

/** Whether a request counts as a server-side failure for health: 5xx, no response, or a gRPC error. */
export function isServerError(responseCode: string, grpcStatus: string | undefined): boolean {
  const cls = responseClass(responseCode, grpcStatus);
  if (cls === '5xx') return true;
  // "other" also holds 1xx and malformed codes, which are not failures.
  return (
    cls === 'other' &&
    (responseCode === '0' || (grpcStatus !== undefined && isGrpcError(grpcStatus)))
  );
}

export function isClientError(responseCode: string, grpcStatus: string | undefined): boolean {
  return responseClass(responseCode, grpcStatus) === '4xx';
}

/** Adds `rate` requests with the given outcome to `counts`. */
export function addRequests(
  counts: RequestCounts,
  rate: number,
  responseCode: string,
  grpcStatus: string | undefined,
): RequestCounts {
  return {
    total: counts.total + rate,
    serverErrors: counts.serverErrors + (isServerError(responseCode, grpcStatus) ? rate : 0),
    clientErrors: counts.clientErrors + (isClientError(responseCode, grpcStatus) ? rate : 0),
  };
}

/**
 * Tallies `istio_requests_total` rate samples (grouped by at least response_code and
 * grpc_response_status) into counts per key; `keyOf` returns undefined to skip a sample. Used by the
 * overview, e.g. key = destination_workload over reporter="destination" samples.
 */
export function tallyRequests(
  samples: readonly Sample[],
  keyOf: (labels: Readonly<Record<string, string>>) => string | undefined,
): Map<string, RequestCounts> {
  const out = new Map<string, RequestCounts>();
  for (const s of samples) {
    const key = keyOf(s.labels);
    if (key === undefined || !(s.value > 0)) continue;
    const code = s.labels['response_code'] ?? '';
    out.set(
      key,
      addRequests(out.get(key) ?? NO_REQUESTS, s.value, code, s.labels['grpc_response_status']),
    );
  }
  return out;
}
