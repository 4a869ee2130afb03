import type { SubsetInput } from '@/lib/mesh/routing-forms/types';

/** GET /api/routing/{namespace}/{service}: what the routing forms start from. */

export interface RoutingParams {
  readonly namespace: string;
  readonly service: string;
}

/** A VirtualService or DestinationRule the routing forms start from and write over. */
export interface ExistingRoutingObject {
  readonly name: string;
  readonly resourceVersion: string;
  /** The editable manifest, read live: the forms start from it and lay their output over it. */
  readonly manifest: Record<string, unknown>;
}

export interface ServiceRouting {
  readonly namespace: string;
  readonly service: string;
  /** Subsets a new DestinationRule would define: one per version label of the service's pods. */
  readonly subsets: readonly SubsetInput[];
  /** The objects that already route this host, if any: the forms replace them rather than add a rival. */
  readonly virtualService: ExistingRoutingObject | null;
  readonly destinationRule: ExistingRoutingObject | null;
}
