import type { ObjectAccess } from './istio';
import type { TrafficRoute } from '@/lib/mesh/traffic/route-weights';
import type { DiffLine, TrafficSplit } from '@/lib/mesh/traffic/split-types';
import type { Window } from '@/lib/mesh/types';
import type { Weights } from '@/lib/mesh/traffic/weights';
import type { RoutingChange } from '@/lib/mesh/traffic/routing-changes';

/**
 * GET and PUT /api/traffic/{namespace}/{service}. The split (TrafficSplit) and the diff lines
 * (DiffLine, re-exported for the server's diff) stay declared in lib/mesh/traffic/split-types.ts,
 * beside the domain code that computes the split; the envelopes are declared here only.
 */
export type { DiffLine, RoutingChange };

export interface TrafficParams {
  readonly namespace: string;
  readonly service: string;
}

/** `window` and `end` are read by GET, `dryRun` by PUT. */
export interface TrafficQuery {
  readonly window: Window;
  /** Epoch ms the window ends at; now when absent. */
  readonly end?: number;
  readonly dryRun: boolean;
}

/** The moments the service's routing changed within the window, as this Meshlens process saw them. */
export interface RoutingChanges {
  /** Epoch ms the process began watching: earlier changes are unknown, not absent. */
  readonly seenSince: number;
  readonly items: readonly RoutingChange[];
}

export type TrafficResponse = TrafficSplit & {
  readonly readOnly: boolean;
  /**
   * Whether this person may change (update) or delete the object the weights are written to: the
   * `gatewayRoute` when there is one, else the VirtualService; both false without either.
   */
  readonly access: ObjectAccess;
  /** Why the observed shares and signals are missing; they are then not zeros but unknown. */
  readonly metricsError?: string;
  readonly changes: RoutingChanges;
};

/** The PUT body; `?dryRun=true` in the query string asks for a preview instead of a write. */
export interface UpdateWeightsBody {
  /** The route (a Gateway API route's rule) whose weights change; the default route when absent. */
  readonly route?: number;
  /** Per subset, or for a Gateway API route per backend key (the route's `subsets`). */
  readonly weights: Weights;
  /**
   * The resourceVersion of the VirtualService, or of the `gatewayRoute`, when the editor loaded it:
   * the optimistic-lock token.
   */
  readonly resourceVersion: string;
}

export interface UpdateWeightsResponse {
  readonly resourceVersion: string;
  readonly dryRun: boolean;
  /** With dryRun: the object as the API server would store it, and its diff to the live one. */
  readonly yaml?: string;
  readonly diff?: readonly DiffLine[];
}

/** The `current` member of the PUT's 409 problem: what "theirs vs yours" and a re-apply need. */
export interface WeightsConflict {
  readonly resourceVersion: string;
  readonly routes: readonly TrafficRoute[];
  /** The latest object (theirs) → with your weights applied (yours). */
  readonly diff?: readonly DiffLine[];
}
