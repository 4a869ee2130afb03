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
  /** The mesh config's `rootNamespace`; absent means Istio's default, `istio-system`. */
  readonly rootNamespace?: string;
}

export type SemanticCheck = (obj: IstioObject, mesh: MeshConfig) => Validation[];

/**
 * The object a finding is about, as `istioctl analyze` names it: the wire kind (`Pod`, `Namespace`,
 * `Service`, `Deployment`, `Gateway`, …; the Gateway API's Gateway is `K8sGateway` as in IstioObject),
 * its namespace ('' for a cluster-scoped one) and name.
 */
export interface ResourceRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface ResourceFinding {
  readonly resource: ResourceRef;
  readonly validation: Validation;
}

/**
 * A check over the whole mesh at once: what istioctl's analyzers of Kubernetes objects (namespaces,
 * pods, services, deployments) and of several Istio objects together (conflicting gateways, Sidecars
 * without selectors) report. Findings may name any object, Istio or Kubernetes.
 */
export type MeshAnalyzer = (mesh: MeshConfig) => ResourceFinding[];

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = {
  error: 0,
  warning: 1,
  info: 2,
};
