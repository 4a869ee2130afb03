import { qualifiedKind, qualifiedResource, type ResourceDef } from './resources';
import type { RequestAttributes } from './rbac';

/** A metav1.Status cause; the JSON key is "reason" although the Go field is Type. */
export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** metav1.Status as the apiserver serialises it (empty fields omitted, as Go's omitempty does). */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code?: number;
}

/** An error that the HTTP layer turns into its Status body and code. */
export class KubeApiError extends Error {
  constructor(readonly status: Status & { code: number }) {
    super(status.message);
  }
}

function failure(
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): KubeApiError {
  const status: Status & { code: number } = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
  return new KubeApiError(status);
}

/** details{name, group, kind:<plural>} as NewNotFound/NewAlreadyExists/NewConflict fill them. */
function resourceDetails(def: ResourceDef, name: string): StatusDetails {
  return def.group === ''
    ? { name, kind: def.plural }
    : { name, group: def.group, kind: def.plural };
}

export function notFound(def: ResourceDef, name: string): KubeApiError {
  return failure(
    404,
    'NotFound',
    `${qualifiedResource(def)} "${name}" not found`,
    resourceDetails(def, name),
  );
}

export function alreadyExists(def: ResourceDef, name: string): KubeApiError {
  return failure(
    409,
    'AlreadyExists',
    `${qualifiedResource(def)} "${name}" already exists`,
    resourceDetails(def, name),
  );
}

const OPTIMISTIC_LOCK =
  'the object has been modified; please apply your changes to the latest version and try again';

/** apierrors.NewConflict; the cause defaults to the registry's OptimisticLockErrorMsg. */
export function conflict(def: ResourceDef, name: string, cause = OPTIMISTIC_LOCK): KubeApiError {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(def)} "${name}": ${cause}`,
    resourceDetails(def, name),
  );
}

/** A field.Error: "<field>: <body>" in the message, {reason, message: body, field} as a cause. */
export interface FieldError {
  type: string;
  field: string;
  body: string;
}

/** apierrors.NewInvalid: the aggregate message is the single error, or "[e1, e2]" (duplicates dropped). */
export function invalid(
  def: ResourceDef,
  name: string,
  errors: readonly FieldError[],
): KubeApiError {
  const messages = [...new Set(errors.map((e) => `${e.field}: ${e.body}`))];
  const aggregate = messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
  const details: StatusDetails = {
    name,
    ...(def.group === '' ? {} : { group: def.group }),
    kind: def.kind,
    causes: errors.map((e) => ({ reason: e.type, message: e.body, field: e.field })),
  };
  return failure(
    422,
    'Invalid',
    `${qualifiedKind(def)} "${name}" is invalid: ${aggregate}`,
    details,
  );
}

/**
 * What a JSON patch that cannot be applied (a failed `test`, a missing path) gets: patch.go wraps the
 * error in NewGenericServerResponse(422, …, isUnexpectedResponse=false), which keeps only the generic
 * message and drops the patch library's text, so details is empty.
 */
export function patchNotApplied(): KubeApiError {
  return failure(
    422,
    'Invalid',
    'the server rejected our request due to an error in our request',
    {},
  );
}

export function badRequest(message: string): KubeApiError {
  return failure(400, 'BadRequest', message);
}

export function methodNotAllowed(): KubeApiError {
  return failure(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  );
}

export function unsupportedMediaType(contentType: string): KubeApiError {
  return failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json; got ${JSON.stringify(contentType)}`,
  );
}

/** The path matched no resource (the mux's own 404 Status for unknown /api paths). */
export function pathNotFound(): KubeApiError {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function expired(requested: number, oldest: number): Status & { code: number } {
  return failure(410, 'Expired', `too old resource version: ${requested} (${oldest})`).status;
}

/** genericregistry.Store.finalizeDelete: Success with details.kind holding the resource, no code. */
export function deleted(def: ResourceDef, name: string, uid: string | undefined): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name,
      ...(def.group === '' ? {} : { group: def.group }),
      kind: def.plural,
      ...(uid ? { uid } : {}),
    },
  };
}

/** What the authentication filter answers when no authenticator accepts the request. */
export function unauthorized(): KubeApiError {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

/**
 * responsewriters.Forbidden: forbiddenMessage(attributes), ": <reason>" when the authorizer gave one,
 * wrapped by apierrors.NewForbidden with the group and resource (no subresource) of the request.
 */
export function forbidden(attrs: RequestAttributes, reason: string): KubeApiError {
  const user = JSON.stringify(attrs.user.name);
  let message: string;
  if (!attrs.resourceRequest) {
    message = `User ${user} cannot ${attrs.verb} path ${JSON.stringify(attrs.path)}`;
  } else {
    const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
    const scope = attrs.namespace
      ? `in the namespace ${JSON.stringify(attrs.namespace)}`
      : 'at the cluster scope';
    message = `User ${user} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.apiGroup)} ${scope}`;
  }
  if (reason !== '') message = `${message}: ${reason}`;
  const group = attrs.resourceRequest ? attrs.apiGroup : '';
  const plural = attrs.resourceRequest ? attrs.resource : '';
  const name = attrs.resourceRequest ? (attrs.name ?? '') : '';
  const qualified = group === '' ? plural : `${plural}.${group}`;
  const full =
    qualified === ''
      ? `forbidden: ${message}`
      : name === ''
        ? `${qualified} is forbidden: ${message}`
        : `${qualified} ${JSON.stringify(name)} is forbidden: ${message}`;
  return failure(403, 'Forbidden', full, {
    ...(name ? { name } : {}),
    ...(group ? { group } : {}),
    ...(plural ? { kind: plural } : {}),
  });
}
