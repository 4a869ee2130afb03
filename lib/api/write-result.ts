import type { IstioKindName } from '@/lib/mesh/istio/kinds';
import type { LocatedValidation } from '@/lib/mesh/validations/types';

/** What the Istio writes (POST, PUT, DELETE under /api/istio) answer; the weights PUT is in traffic.ts. */

export interface IstioWriteResult {
  readonly kind: IstioKindName;
  readonly namespace: string;
  readonly name: string;
  /** The stored object's new resourceVersion; with dryRun, the one the write was checked against. */
  readonly resourceVersion: string;
  /** What the API server stores (or would store, with dryRun), admission defaults included. */
  readonly yaml: string;
  readonly dryRun: boolean;
  /** Semantic findings that did not block the write. */
  readonly validations: readonly LocatedValidation[];
}

export interface IstioDeleteResult {
  readonly deleted: boolean;
  readonly dryRun: boolean;
}
