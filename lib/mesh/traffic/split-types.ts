import type { Health, Window } from '../types';
import type { TrafficRoute } from './route-weights';

export interface SubsetSignals {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Workloads of the service whose pod labels the subset selects. */
  readonly workloads: readonly string[];
  readonly readyReplicas: number;
  readonly desiredReplicas: number;
  /** Requests per second into the subset over the window. */
  readonly rps: number;
  /** Share of requests that failed (5xx, no response, gRPC error), 0..1; null without traffic. */
  readonly errorRate: number | null;
  /** 95th percentile latency; null without traffic or histogram. */
  readonly p95Ms: number | null;
  readonly health: Health;
}

export type TrafficWarningCode =
  | 'divergence'
  | 'settling'
  | 'no-ready-pods'
  | 'no-workload'
  | 'undefined-subset'
  | 'several-virtual-services'
  | 'several-gateway-routes'
  | 'virtual-service-and-route';

export interface TrafficWarning {
  readonly code: TrafficWarningCode;
  readonly subset?: string;
  /** What differs and the likely cause, for a person. */
  readonly message: string;
}

export interface TrafficSplit {
  readonly service: { readonly namespace: string; readonly name: string };
  readonly virtualService: {
    readonly name: string;
    readonly namespace: string;
    readonly resourceVersion: string;
  } | null;
  readonly destinationRule: { readonly name: string; readonly namespace: string } | null;
  /**
   * The HTTPRoute or GRPCRoute attached to the service (GAMMA), when one is. The split is then by
   * its rules' backendRefs: `routes` are its rules, each destination and `subsets` entry a backend
   * Service (its name, `name.namespace` when in another namespace than the route), and the
   * weights a PUT writes are its backendRefs' weights. `virtualService` is then null.
   */
  readonly gatewayRoute?: {
    readonly kind: 'HTTPRoute' | 'GRPCRoute';
    readonly name: string;
    readonly namespace: string;
    readonly resourceVersion: string;
  } | null;
  readonly routes: readonly TrafficRoute[];
  /** Index of the route a weight edit targets by default. */
  readonly defaultRoute: number;
  readonly observed: {
    readonly window: Window;
    /** Share of the service's requests each subset received, 0..1. */
    readonly shares: Readonly<Record<string, number>>;
    /** Requests per second into the service. */
    readonly totalRps: number;
    /** Share of requests to pods no subset selects, 0..1. */
    readonly unassignedShare: number;
    /** Share of requests an abort fault answered before any subset, 0..1; absent when none. */
    readonly faultAbortedShare?: number;
  };
  readonly subsets: readonly SubsetSignals[];
  readonly warnings: readonly TrafficWarning[];
}

/** One line of a YAML diff of two versions of an object. */
export interface DiffLine {
  readonly kind: 'hunk' | 'context' | 'add' | 'remove';
  readonly text: string;
}
