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

/**
 * Only when the metrics name more than one cluster: the cluster after the single-cluster id, so one
 * workload name in two clusters is two nodes. Kubernetes names and hosts never hold `@`.
 */
export const CLUSTER_SEPARATOR = '@';
export const inCluster = (id: string, cluster: string | undefined): string =>
  cluster === undefined ? id : `${id}${CLUSTER_SEPARATOR}${cluster}`;

/** The id a node has in a single-cluster mesh: what the inventory is keyed by. */
export function withoutCluster(id: string): string {
  const at = id.lastIndexOf(CLUSTER_SEPARATOR);
  return at < 0 ? id : id.slice(0, at);
}

/** Istio reports a missing peer attribute as "unknown"; Prometheus reports a missing label as "". */
export function isKnown(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== 'unknown';
}
