/** A Kubernetes object as JSON on the wire (metadata + the rest). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * What the traffic model reads from the simulated API server: the current objects of one resource
 * (plural name, e.g. "virtualservices", "pods", "httproutes"; the Gateway API's Gateways are
 * "k8sgateways", Istio's "gateways"), optionally in one namespace, as stored (latest version).
 */
export interface ConfigSource {
  list(resource: string, namespace?: string): readonly KubeObject[];
  /** Increases on every write; lets readers cache derived state until the config changes. */
  revision(): number;
}
