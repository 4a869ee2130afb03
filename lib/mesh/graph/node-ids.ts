/**
 * Node ids are readable and derived only from identity, never from position in a result, so the UI
 * can keep a node where it was across refreshes and graph types share ids where nodes coincide
 * (the versionedApp box of reviews is the app graph's reviews node).
 */

export const UNKNOWN_SOURCE_ID = 'unknown';
/** Requests no route matched (e.g. 404 NR): the proxy never learned a destination. */
export const UNKNOWN_DESTINATION_ID = 'unknown:destination';

export const workloadId = (namespace: string, workload: string): string =>
  `wl:${namespace}:${workload}`;
export const appId = (namespace: string, app: string): string => `app:${namespace}:${app}`;
export const versionedAppId = (
  namespace: string,
  app: string,
  version: string | undefined,
): string => `ver:${namespace}:${app}:${version ?? 'unknown'}`;
export const serviceId = (namespace: string, service: string): string =>
  `svc:${namespace}:${service}`;
export const externalId = (host: string): string => `ext:${host}`;

/** Istio reports a missing peer attribute as "unknown"; Prometheus reports a missing label as "". */
export function isKnown(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== 'unknown';
}
