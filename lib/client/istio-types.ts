import type { IstioKindName } from '@/lib/mesh/istio-kinds';
import type { SubsetInput } from '@/lib/mesh/routing-forms/types';
import type { LocatedValidation, Validation } from '@/lib/mesh/validations/types';

/** Response shapes of /api/istio and /api/routing, as the route handlers send them. */
export interface IstioConfigItem {
  readonly kind: IstioKindName;
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion: string;
  readonly validations: readonly Validation[];
}

export interface IstioObjectDocument {
  readonly kind: IstioKindName;
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion: string;
  readonly yaml: string;
  readonly object: Readonly<Record<string, unknown>>;
  readonly validations: readonly LocatedValidation[];
}

export interface IstioWriteResult {
  readonly kind: IstioKindName;
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion: string;
  readonly yaml: string;
  readonly dryRun: boolean;
  readonly validations: readonly LocatedValidation[];
}

export interface ServiceRouting {
  readonly namespace: string;
  readonly service: string;
  readonly subsets: readonly SubsetInput[];
  readonly virtualService: ExistingRoutingObject | null;
  readonly destinationRule: ExistingRoutingObject | null;
}

/** A VirtualService or DestinationRule the routing forms start from and write over. */
export interface ExistingRoutingObject {
  readonly name: string;
  readonly resourceVersion: string;
  readonly manifest: Record<string, unknown>;
}
