/**
 * Domain types shared by every layer. Sources (lib/prometheus, lib/kube, lib/jaeger) decode their wire
 * formats into these; lib/mesh computes on them; the API returns them.
 */
import { parseDuration, type Duration } from './time/duration';

/** One instant-vector sample, labels as Prometheus returned them. */
export interface Sample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** One range-vector series; `t` in epoch milliseconds. */
export interface Series {
  readonly labels: Readonly<Record<string, string>>;
  readonly points: readonly { readonly t: number; readonly v: number }[];
}

export type Health = 'healthy' | 'degraded' | 'failing' | 'idle' | 'unknown';

export type NodeKind = 'workload' | 'app' | 'service' | 'unknown' | 'external';

export type GraphType = 'workload' | 'app' | 'versionedApp' | 'service';

export type Protocol = 'http' | 'grpc' | 'tcp';

export const GRAPH_TYPES: readonly GraphType[] = ['workload', 'app', 'versionedApp', 'service'];

/**
 * How ambient traffic is drawn, as Kiali's ambient traffic choice: `total` one edge caller → callee
 * (the waypoint's L7 with ztunnel's L4 folded in), `waypoint` the hops through waypoint nodes,
 * `ztunnel` only what ztunnel reports (L4, waypoints as the nodes it sees).
 */
export const AMBIENT_VIEWS = ['total', 'waypoint', 'ztunnel'] as const;
export type AmbientView = (typeof AMBIENT_VIEWS)[number];
/** A window ending now or at a past moment: any duration from 1m to 30d (lib/mesh/time). */
export type Window = Duration;
/** The windows the UI offers; any other within the limits is accepted from the URL and the API. */
export const WINDOWS = [
  '1m',
  '5m',
  '15m',
  '30m',
  '1h',
  '3h',
  '6h',
  '12h',
  '1d',
  '7d',
] as const satisfies readonly Window[];

export function windowSeconds(window: Window): number {
  return parseDuration(window) ?? 60;
}

/**
 * How a workload's traffic is captured: by its own sidecar, by ztunnel in ambient mode (L4, with L7 only
 * where a waypoint serves it), or not at all.
 */
export type DataPlaneMode = 'sidecar' | 'ambient' | 'none';

export interface DataPlane {
  readonly mode: DataPlaneMode;
  /** The waypoint (a Gateway API Gateway) that serves the workload's L7 traffic, ambient only. */
  readonly waypoint?: { readonly namespace: string; readonly name: string };
  /**
   * Set on the Envoy Deployments Istio runs for a Gateway API Gateway (a waypoint, or an ingress gateway):
   * they are proxies themselves, neither injected nor captured by ztunnel.
   */
  readonly proxy?: 'waypoint' | 'gateway';
}

/** A Gateway API Gateway as the data plane needs it: waypoints are the ones of class `istio-waypoint`. */
export interface InventoryGateway {
  readonly namespace: string;
  readonly name: string;
  readonly className: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Kubernetes inventory, decoded from the informer caches by lib/kube. */
export interface InventoryNamespace {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface InventoryService {
  readonly namespace: string;
  readonly name: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly ports: readonly {
    readonly name?: string;
    readonly port: number;
    readonly protocol: string;
    /** The pod port it forwards to (a number or a container port's name); absent means `port`. */
    readonly targetPort?: number | string;
    /** The Service's `appProtocol` for this port, which Istio prefers over the port's name. */
    readonly appProtocol?: string;
  }[];
  /** ClusterIP, NodePort, LoadBalancer or ExternalName; absent where the inventory was built without it. */
  readonly type?: string;
  /** The Service's own annotations; absent where the inventory was built without them. */
  readonly annotations?: Readonly<Record<string, string>>;
  /** The `networking.istio.io/exportTo` annotation, split; absent means every namespace sees it. */
  readonly exportTo?: readonly string[];
  /** The Service's own labels (`istio.io/use-waypoint`); absent where the inventory was built without them. */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface InventoryWorkload {
  readonly namespace: string;
  readonly name: string;
  /** Deployment, StatefulSet, … */
  readonly kind: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly app?: string;
  readonly version?: string;
  readonly desiredReplicas: number;
  readonly readyReplicas: number;
  /** True when the pod template carries Istio's sidecar (native sidecar init container or container). */
  readonly hasSidecar: boolean;
  /** How the workload's traffic is captured; absent where the inventory was built without it (tests). */
  readonly dataPlane?: DataPlane;
  /**
   * The pod template's service account: the identity (spiffe://…/ns/<ns>/sa/<sa>) its sidecar
   * presents. Absent where the inventory was built without it (tests, older snapshots).
   */
  readonly serviceAccount?: string;
  /**
   * The workload object's own annotations (the Deployment's `metadata.annotations`, not its pod
   * template's, which are `annotations`): where a pod annotation is misplaced. Absent in tests.
   */
  readonly objectAnnotations?: Readonly<Record<string, string>>;
}

export interface InventoryPod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly workload?: string;
  readonly ready: boolean;
  readonly hasSidecar: boolean;
  /** The pod's own annotations; absent where the inventory was built without them. */
  readonly annotations?: Readonly<Record<string, string>>;
  /** The image of its `istio-proxy` container (or native sidecar init container); absent when none. */
  readonly proxyImage?: string;
}

/**
 * A Secret as the checks may know it: its name and type, never its data. Istio reads gateway and
 * DestinationRule credentials from Secrets named by `credentialName`.
 */
export interface InventorySecret {
  readonly namespace: string;
  readonly name: string;
  /** `kubernetes.io/tls`, `Opaque`, … as the API server reports it. */
  readonly type: string;
}

/**
 * One of the control plane's ConfigMaps the checks read: `istio[-<revision>]` (mesh config, key
 * `mesh`) and `istio-sidecar-injector[-<revision>]` (the injector's `values` and `config`).
 */
export interface InventoryConfigMap {
  readonly namespace: string;
  readonly name: string;
  readonly data: Readonly<Record<string, string>>;
}

export interface Inventory {
  readonly namespaces: readonly InventoryNamespace[];
  readonly services: readonly InventoryService[];
  readonly workloads: readonly InventoryWorkload[];
  readonly pods: readonly InventoryPod[];
  /**
   * The Gateway API Gateways; absent when they cannot be known (the Gateway API is not installed or not
   * watched), so that no waypoint is reported missing on no evidence.
   */
  readonly gateways?: readonly InventoryGateway[];
  /** Secrets' names and types; absent when Meshlens may not list them, so no credential is reported missing. */
  readonly secrets?: readonly InventorySecret[];
  /** The control plane's ConfigMaps (see InventoryConfigMap); absent when not read. */
  readonly configMaps?: readonly InventoryConfigMap[];
}

/** Istio config objects as the domain sees them: metadata plus the untyped spec (validated elsewhere). */
export interface IstioObject {
  readonly kind:
    | 'VirtualService'
    | 'DestinationRule'
    | 'Gateway'
    | 'ServiceEntry'
    | 'PeerAuthentication'
    | 'AuthorizationPolicy'
    | 'Sidecar'
    | 'EnvoyFilter'
    | 'WorkloadEntry'
    | 'WorkloadGroup'
    | 'ProxyConfig'
    | 'RequestAuthentication'
    | 'Telemetry'
    | 'WasmPlugin'
    // Gateway API (gateway.networking.k8s.io). Its Gateway is `K8sGateway` here, as in Kiali, so that it
    // never collides with Istio's Gateway; on the wire both say `kind: Gateway` and the group tells them apart.
    | 'K8sGateway'
    | 'GatewayClass'
    | 'HTTPRoute'
    | 'GRPCRoute'
    | 'ReferenceGrant';
  readonly apiVersion: string;
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly spec: Readonly<Record<string, unknown>>;
  /** What the controller reported (Gateway API `status.parents`, `status.conditions`); absent when none. */
  readonly status?: Readonly<Record<string, unknown>>;
}

export interface ResponseCodes {
  readonly '2xx': number;
  readonly '3xx': number;
  readonly '4xx': number;
  readonly '5xx': number;
  /** No response at all (response_code "0") and gRPC errors, in requests per second. */
  readonly other: number;
}

export interface MeshNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly namespace: string;
  readonly name: string;
  readonly app?: string;
  readonly version?: string;
  readonly workload?: string;
  readonly service?: string;
  readonly hasSidecar?: boolean;
  /** Workload nodes: how the workload's traffic is captured, where the inventory or telemetry tells. */
  readonly dataPlane?: DataPlaneMode;
  /** Ambient workload nodes: the waypoint serving its L7. */
  readonly waypoint?: { readonly namespace: string; readonly name: string };
  /** The node is a waypoint proxy (drawn only when the ambient view asks for waypoints or ztunnel). */
  readonly isWaypoint?: boolean;
  /** True when the node's namespace is not among the selected ones. */
  readonly outside?: boolean;
  /** Only when the metrics name more than one cluster: the node's cluster (also ending its id). */
  readonly cluster?: string;
  /** For versionedApp graphs: the id of the app box holding this node. */
  readonly parent?: string;
  /** For versionedApp graphs: this node is an app box (compound node) around its versions. */
  readonly isBox?: boolean;
  readonly health: Health;
  /** Requests per second into the node (http + grpc). */
  readonly rps: number;
  /** Share of inbound requests that failed, 0..1. */
  readonly errorRate: number;
  /**
   * Inbound request duration percentiles (http + grpc), from the duration buckets of the edges into
   * the node; undefined without duration data or requests.
   */
  readonly p50Ms?: number;
  readonly p95Ms?: number;
  readonly p99Ms?: number;
}

export interface MeshEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly protocol: Protocol;
  readonly rps?: number;
  /** TCP only: bytes per second, sent + received. */
  readonly bytesPerSecond?: number;
  /** istio_tcp_sent_bytes_total: what the callee sent back, the response direction. */
  readonly sentBytesPerSecond?: number;
  /** istio_tcp_received_bytes_total: what the callee received, the request direction. */
  readonly receivedBytesPerSecond?: number;
  /** Share of requests with 5xx, no response or a gRPC error, 0..1. */
  readonly errorRate: number;
  /** Share of requests with 4xx, 0..1. */
  readonly clientErrorRate?: number;
  readonly p50Ms?: number;
  readonly p95Ms?: number;
  readonly p99Ms?: number;
  /** Share of traffic with connection_security_policy="mutual_tls", 0..1. */
  readonly mtls: number;
  readonly responseCodes?: ResponseCodes;
  readonly health: Health;
  /** TCP only: connections opened per second, where istio_tcp_connections_opened_total has them. */
  readonly connectionsPerSecond?: number;
  /**
   * Ambient: who measured the edge instead of a sidecar: `waypoint` for the L7 numbers of a
   * waypoint, `ztunnel` for L4 only.
   */
  readonly reportedBy?: 'waypoint' | 'ztunnel';
  /** Ambient: the waypoint the traffic passed through. */
  readonly waypoint?: { readonly namespace: string; readonly name: string };
  /** http/grpc edges into ambient workloads: ztunnel's L4 under the requests. */
  readonly l4?: L4Traffic;
}

/** What ztunnel measured under an edge's requests, per second. */
export interface L4Traffic {
  readonly bytesPerSecond: number;
  /** Response direction, as on MeshEdge. */
  readonly sentBytesPerSecond: number;
  /** Request direction, as on MeshEdge. */
  readonly receivedBytesPerSecond: number;
  readonly connectionsPerSecond: number;
  /** Share of the bytes with connection_security_policy="mutual_tls", 0..1. */
  readonly mtls: number;
}

export interface MeshGraph {
  /** Epoch milliseconds of the evaluation time. */
  readonly timestamp: number;
  readonly window: Window;
  readonly nodes: readonly MeshNode[];
  readonly edges: readonly MeshEdge[];
}
