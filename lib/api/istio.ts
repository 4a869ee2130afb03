import type { AppliesVia, SubjectRef } from '@/lib/mesh/istio/applies-to';
import type { IstioKindName } from '@/lib/mesh/istio/kinds';
import type { LocatedValidation, Validation } from '@/lib/mesh/validations/types';

/**
 * /api/istio: the list, one object for the editor, validation of a text, and the write bodies.
 * Validations are the domain's (lib/mesh/validations/types.ts); write results are in write-result.ts.
 */

export interface IstioListQuery {
  /** Absent: every namespace. */
  readonly namespaces?: readonly string[];
  /** Absent: every kind. */
  readonly kind?: readonly IstioKindName[];
}

/** An Istio or Gateway API object of a kind Meshlens reads, checks and edits. */
export interface IstioConfigItem {
  readonly kind: IstioKindName;
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion: string;
  readonly validations: readonly Validation[];
  readonly editable: true;
}

/**
 * An object the list shows but Meshlens does not edit: a Kubernetes object the analyzers found
 * something on (a Pod missing its proxy, a Namespace with two injection labels), or an object of an
 * Istio or Gateway API kind Meshlens does not read, which is "not checked", never "valid".
 */
export interface OtherConfigItem {
  /** The wire kind: `Pod`, `Namespace`, `Service`, `Deployment`, `TCPRoute`, … */
  readonly kind: string;
  /** As the API server serves it: `v1`, `apps/v1`, `gateway.networking.k8s.io/v1alpha2`, … */
  readonly apiVersion: string;
  /** '' for a cluster-scoped object (a Namespace). */
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion: string;
  readonly validations: readonly Validation[];
  /** False for a kind Meshlens does not read: its validations are empty because nothing looked. */
  readonly checked: boolean;
  readonly editable: false;
}

export type ConfigListItem = IstioConfigItem | OtherConfigItem;

export type IstioListResponse = ConfigListItem[];

/**
 * GET /api/istio?workload=<ns>/<name> (or app=<ns>/<app>, service=<ns>/<name>): the objects that
 * apply to it, each with how it reaches it and the same validations as the list.
 */
export type AppliedConfigQuery = SubjectRef;

export interface AppliedConfigItem extends IstioConfigItem {
  readonly via: AppliesVia;
}

export interface AppliedConfigResponse {
  readonly subject: SubjectRef;
  readonly items: readonly AppliedConfigItem[];
}

/** The path of /api/istio/{namespace}/{kind}/{name}, with the kind segment resolved to its name. */
export interface IstioObjectParams {
  readonly namespace: string;
  readonly kind: IstioKindName;
  readonly name: string;
}

export interface IstioObjectDocument {
  readonly kind: IstioKindName;
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion: string;
  /** The editable manifest (no server-owned fields) as YAML, and the same as JSON. */
  readonly yaml: string;
  readonly object: Record<string, unknown>;
  readonly validations: readonly LocatedValidation[];
  /** What the signed-in person may do to this object, as the API server's RBAC answers (resourceNames count). */
  readonly access: ObjectAccess;
}

export interface ObjectAccess {
  readonly update: boolean;
  readonly delete: boolean;
}

/** POST /api/istio/validate: writes nothing. */
export interface IstioValidateBody {
  readonly yaml: string;
  readonly namespace?: string;
  /** Objects written in the same step (a routing form's DestinationRule), checked as if stored. */
  readonly alongside?: readonly string[];
}

export interface IstioValidateResponse {
  readonly validations: readonly LocatedValidation[];
}

/** POST /api/istio/{namespace}[?dryRun=true]; the dry run previews what the API server would store. */
export interface IstioCreateBody {
  readonly yaml: string;
  /** Write despite analyzer errors; the person ticked "apply anyway". */
  readonly applyAnyway: boolean;
  readonly alongside: readonly string[];
}

/** PUT /api/istio/{namespace}/{kind}/{name}[?dryRun=true]: guarded by the resourceVersion the editor loaded. */
export interface IstioReplaceBody extends IstioCreateBody {
  readonly resourceVersion: string;
}

/** DELETE /api/istio/{namespace}/{kind}/{name}?resourceVersion=…[&dryRun=true]. */
export interface IstioDeleteQuery {
  readonly resourceVersion: string;
  readonly dryRun: boolean;
}
