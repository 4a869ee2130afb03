import type { Inventory, IstioObject } from '@/lib/mesh/types';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding about one Istio object. `code` is Istio's analyzer code (IST0xxx) where `istioctl
 * analyze` has one, else a stable MESHLENS-xxx; `path` is where in the object, as `spec.http[0].route[1]`.
 */
export interface Validation {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path?: string;
}

/** A validation placed in a YAML text: `line` is 1-based. */
export interface LocatedValidation extends Validation {
  readonly line?: number;
}

/** Everything a semantic check may look at besides the object itself. */
export interface MeshConfig {
  /** Every Istio object in the cluster, not only the selected namespaces: references cross them. */
  readonly objects: readonly IstioObject[];
  readonly inventory: Inventory;
}

export type SemanticCheck = (obj: IstioObject, mesh: MeshConfig) => Validation[];

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = {
  error: 0,
  warning: 1,
  info: 2,
};
