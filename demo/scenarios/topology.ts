import type { KubeObject } from '../kube/types.js';

/**
 * What the traffic model needs beyond the Kubernetes objects: who calls whom, how often, and how
 * each workload behaves. Routing (which subset, which pod, mTLS) is NOT here: the model derives it
 * from the live config so that edits through the API change traffic.
 */

export type CallProtocol = 'http' | 'grpc' | 'tcp';

export interface WorkloadRef {
  namespace: string;
  name: string;
}

export interface WorkloadBehaviour {
  /** Server-side latency of one request, log-normal. */
  latency: { medianMs: number; p95Ms: number };
  /** Share (0..1) of requests the application itself fails. */
  errorRate?: number;
  /** HTTP status of those failures (default 503). gRPC failures answer HTTP 200 + grpcErrorStatus. */
  errorStatus?: number;
  grpcErrorStatus?: number;
  /** When set, only these pod indices fail (at a rate that keeps the workload share at errorRate). */
  errorPods?: readonly number[];
  /** Median response size in bytes (headers included, as Envoy counts it). */
  responseBytes: number;
}

export interface CallSpec {
  /** 'outside': clients outside the mesh (no sidecar, no identity). */
  from: WorkloadRef | 'outside';
  /** Service FQDN (name.ns.svc.cluster.local) or an external host declared by a ServiceEntry. */
  host: string;
  port: number;
  protocol: CallProtocol;
  /** Root calls: a steady rate in requests (or TCP queries) per second. */
  rps?: number;
  /** Child calls: how many of these each request served by `from` makes (may be fractional). */
  perRequest?: number;
  method: 'GET' | 'POST';
  path: string;
  /** Root calls only: share of requests per request class (index into Topology.requestClasses). */
  classShares?: readonly number[];
  /** TCP only: bytes the client sends per query. */
  requestBytes?: number;
}

export interface RequestClass {
  /** Headers the request carries through every hop (Bookinfo forwards end-user). */
  headers: Readonly<Record<string, string>>;
}

export interface MetricsShape {
  /** istio_request_bytes / istio_response_bytes histograms (large: 22 lines per series each). */
  byteHistograms: boolean;
  /** Duration histograms for reporter="destination" too (Envoy emits them; big meshes may skip). */
  destinationHistograms: boolean;
}

export interface Topology {
  /** Keyed by "namespace/workload". Workloads without an entry get DEFAULT_BEHAVIOUR. */
  behaviours: Readonly<Record<string, WorkloadBehaviour>>;
  calls: readonly CallSpec[];
  requestClasses: readonly RequestClass[];
  /** Sampled traces per second per root call. */
  tracesPerSecond: number;
  maxTraces: number;
  metrics: MetricsShape;
}

export interface BuiltScenario {
  name: 'demo' | 'scale';
  seed: number;
  objects: KubeObject[];
  topology: Topology;
}

export const DEFAULT_BEHAVIOUR: WorkloadBehaviour = {
  latency: { medianMs: 8, p95Ms: 40 },
  responseBytes: 600,
};

export const workloadKey = (ref: WorkloadRef): string => `${ref.namespace}/${ref.name}`;

export const serviceHost = (name: string, namespace: string): string =>
  `${name}.${namespace}.svc.cluster.local`;
