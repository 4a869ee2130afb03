/** Form state of the routing forms, as the components hold it; the builders turn it into objects. */

export interface SubsetInput {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

export type LoadBalancer = 'ROUND_ROBIN' | 'LEAST_REQUEST' | 'RANDOM' | 'PASSTHROUGH';
export type TlsMode = 'DISABLE' | 'SIMPLE' | 'MUTUAL' | 'ISTIO_MUTUAL';

export interface TrafficPolicyInput {
  readonly loadBalancer?: LoadBalancer;
  readonly connectionPool?: {
    readonly maxConnections?: number;
    readonly http1MaxPendingRequests?: number;
    readonly maxRequestsPerConnection?: number;
  };
  readonly outlierDetection?: {
    readonly consecutive5xxErrors?: number;
    /** Durations as Istio writes them: "10s", "500ms". */
    readonly interval?: string;
    readonly baseEjectionTime?: string;
    readonly maxEjectionPercent?: number;
  };
  readonly tlsMode?: TlsMode;
}

export interface DestinationRuleInput {
  readonly namespace: string;
  readonly service: string;
  /** Defaults to the service name. */
  readonly name?: string;
  readonly subsets: readonly SubsetInput[];
  readonly trafficPolicy?: TrafficPolicyInput;
}

export type HeaderMatchType = 'exact' | 'prefix' | 'regex';

export interface HeaderRouteInput {
  readonly header: string;
  readonly match: HeaderMatchType;
  readonly value: string;
  readonly subset: string;
}

export interface RetriesInput {
  readonly attempts: number;
  readonly perTryTimeout?: string;
  /** Envoy retry conditions, e.g. ["5xx", "connect-failure"]. */
  readonly retryOn?: readonly string[];
}

export interface FaultInput {
  readonly abort?: { readonly percent: number; readonly httpStatus: number };
  readonly delay?: { readonly percent: number; readonly fixedDelay: string };
}

export interface VirtualServiceInput {
  readonly namespace: string;
  readonly service: string;
  /** Defaults to the service name. */
  readonly name?: string;
  /** The destination host as the existing object spells it (short name or FQDN); defaults to the service name. */
  readonly host?: string;
  /** Checked in order before the default route; the first match wins. */
  readonly headerRoutes: readonly HeaderRouteInput[];
  /** Where everything else goes: one subset, or none to let the service balance over all pods. */
  readonly defaultSubset?: string;
  readonly timeout?: string;
  readonly retries?: RetriesInput;
  readonly fault?: FaultInput;
}
