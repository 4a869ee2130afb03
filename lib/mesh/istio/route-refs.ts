import type { IstioObject } from '../types';
import type { PathSegment } from '../validations/path';
import { isRecord } from './read';

// Ref https://gateway-api.sigs.k8s.io/reference/spec/ (ParentReference, BackendRef, ReferenceGrant).
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** A parentRef or backendRef with the Gateway API's defaults filled in, and where it sits. */
export interface ObjectRef {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly port?: number;
  /** True when the ref names its namespace itself (a cross-namespace ref needs a grant). */
  readonly explicitNamespace: boolean;
  readonly path: readonly PathSegment[];
}

export function isRoute(obj: IstioObject): boolean {
  return obj.kind === 'HTTPRoute' || obj.kind === 'GRPCRoute';
}

function readRef(
  raw: unknown,
  defaults: { group: string; kind: string; namespace: string },
  path: readonly PathSegment[],
): ObjectRef | undefined {
  if (!isRecord(raw) || typeof raw.name !== 'string') return undefined;
  const namespace = typeof raw.namespace === 'string' ? raw.namespace : undefined;
  return {
    group: typeof raw.group === 'string' ? raw.group : defaults.group,
    kind: typeof raw.kind === 'string' ? raw.kind : defaults.kind,
    namespace: namespace ?? defaults.namespace,
    name: raw.name,
    ...(typeof raw.port === 'number' && { port: raw.port }),
    explicitNamespace: namespace !== undefined,
    path,
  };
}

const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** A route's parentRefs: a Gateway API Gateway unless they say otherwise (GAMMA names a Service). */
export function parentRefsOf(route: IstioObject): ObjectRef[] {
  const defaults = { group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: route.namespace };
  return list(route.spec.parentRefs).flatMap((raw, i) => {
    const ref = readRef(raw, defaults, ['spec', 'parentRefs', i]);
    return ref ? [ref] : [];
  });
}

/** A route's rules' backendRefs: core Services unless they say otherwise. */
export function backendRefsOf(route: IstioObject): ObjectRef[] {
  const defaults = { group: '', kind: 'Service', namespace: route.namespace };
  return list(route.spec.rules).flatMap((rule, r) =>
    list(isRecord(rule) ? rule.backendRefs : undefined).flatMap((raw, b) => {
      const ref = readRef(raw, defaults, ['spec', 'rules', r, 'backendRefs', b]);
      return ref ? [ref] : [];
    }),
  );
}

export const isServiceRef = (ref: ObjectRef): boolean =>
  (ref.group === '' || ref.group === 'core') && ref.kind === 'Service';

export const isGatewayRef = (ref: ObjectRef): boolean =>
  ref.group === GATEWAY_API_GROUP && ref.kind === 'Gateway';

/**
 * Whether some ReferenceGrant in `to.namespace` lets a `fromKind` in `fromNamespace` refer to the
 * Service `to.name` (a grant without a name covers every Service of its namespace).
 */
export function referenceGranted(
  grants: readonly IstioObject[],
  fromKind: string,
  fromNamespace: string,
  to: ObjectRef,
): boolean {
  return grants.some(
    (g) =>
      g.kind === 'ReferenceGrant' &&
      g.namespace === to.namespace &&
      list(g.spec.from).some(
        (f) =>
          isRecord(f) &&
          f.group === GATEWAY_API_GROUP &&
          f.kind === fromKind &&
          f.namespace === fromNamespace,
      ) &&
      list(g.spec.to).some(
        (t) =>
          isRecord(t) &&
          (t.group ?? '') === to.group &&
          t.kind === to.kind &&
          (t.name === undefined || t.name === to.name),
      ),
  );
}

/** One condition a controller reported for one parent of a route. */
export interface ParentCondition {
  readonly parent: string;
  readonly controllerName: string;
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
  readonly path: readonly PathSegment[];
}

function refText(raw: unknown, routeNamespace: string): string {
  if (!isRecord(raw)) return '?';
  const kind = typeof raw.kind === 'string' ? raw.kind : 'Gateway';
  const ns = typeof raw.namespace === 'string' ? raw.namespace : routeNamespace;
  return `${kind} ${ns}/${String(raw.name)}`;
}

/** Every condition of `status.parents`, as the controllers wrote them. */
export function parentConditionsOf(route: IstioObject): ParentCondition[] {
  const status = route.status;
  if (!status) return [];
  return list(status.parents).flatMap((p, i) => {
    if (!isRecord(p)) return [];
    const parent = refText(p.parentRef, route.namespace);
    const controllerName = typeof p.controllerName === 'string' ? p.controllerName : '';
    return list(p.conditions).flatMap((c, j): ParentCondition[] =>
      isRecord(c) && typeof c.type === 'string' && typeof c.status === 'string'
        ? [
            {
              parent,
              controllerName,
              type: c.type,
              status: c.status,
              reason: typeof c.reason === 'string' ? c.reason : '',
              message: typeof c.message === 'string' ? c.message : '',
              path: ['status', 'parents', i, 'conditions', j],
            },
          ]
        : [],
    );
  });
}
