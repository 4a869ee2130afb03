import type { IstioKindName } from '@/lib/mesh/istio/kinds';

/**
 * Whether the UI offers a write control, and the sentence shown in its place when not. The session's
 * `can` is what the API server's RBAC answered for this person (READ_ONLY leaves it empty), so a
 * control is offered only when the write it makes would be allowed; the server still decides.
 */
export type WriteVerb = 'create' | 'update' | 'delete';

export interface VerbAccess {
  readonly create: boolean;
  readonly update: boolean;
  readonly delete: boolean;
}

/** What one person may change in one namespace, as the API server's RBAC answers it. */
export interface NamespaceAccess {
  readonly istio: Readonly<Record<IstioKindName, VerbAccess>>;
}

/** The part of a session (lib/api/session.ts) the decisions read. */
export interface WriteAnswers {
  readonly user: string;
  readonly namespaces: readonly string[];
  readonly can: Readonly<Record<string, NamespaceAccess>>;
  readonly readOnlyReason?: string;
}

export type WriteDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export interface WriteTarget {
  readonly verb: WriteVerb;
  readonly kind: IstioKindName;
  readonly namespace: string;
  /** The object, when one exists: the reason names it. */
  readonly name?: string;
}

const ALLOWED: WriteDecision = { allowed: true };

/** "You (viewer) may not update VirtualService reviews in bookinfo": what RBAC refused, in words. */
export function deniedReason(user: string, target: WriteTarget): string {
  const object = target.name === undefined ? target.kind : `${target.kind} ${target.name}`;
  return `Your Kubernetes permissions (signed in as ${user}) do not let you ${target.verb} ${object} in ${target.namespace}.`;
}

function refused(session: WriteAnswers, target: WriteTarget): WriteDecision {
  return {
    allowed: false,
    reason: session.readOnlyReason ?? deniedReason(session.user, target),
  };
}

/** One write in one namespace, as the session's per-namespace answers say. */
export function writeDecision(session: WriteAnswers, target: WriteTarget): WriteDecision {
  const verbs = session.can[target.namespace]?.istio[target.kind];
  return verbs?.[target.verb] === true ? ALLOWED : refused(session, target);
}

/**
 * One existing object, from the `access` its GET carried (a review naming it, so RBAC rules limited
 * to some resourceNames count), worded with the session's user and READ_ONLY reason.
 */
export function objectWriteDecision(
  session: WriteAnswers,
  target: WriteTarget,
  allowed: boolean,
): WriteDecision {
  return allowed ? ALLOWED : refused(session, target);
}

/** Several writes made together (the routing forms apply two objects): all must be allowed. */
export function allWritesDecision(
  session: WriteAnswers,
  targets: readonly WriteTarget[],
): WriteDecision {
  for (const target of targets) {
    const decision = writeDecision(session, target);
    if (!decision.allowed) return decision;
  }
  return ALLOWED;
}

/** The visible namespaces where this person may create the kind, sorted as the session lists them. */
export function namespacesAllowing(
  session: WriteAnswers,
  verb: WriteVerb,
  kind: IstioKindName,
): string[] {
  return session.namespaces.filter((ns) => session.can[ns]?.istio[kind][verb] === true);
}

/** The list page's sentence when the person may write nothing at all. */
export function noWritesReason(session: WriteAnswers): string {
  return (
    session.readOnlyReason ??
    `Your Kubernetes permissions (signed in as ${session.user}) let you change no Istio config in the namespaces you see.`
  );
}

/** Whether the person may make any write of the verb at all: the list page's entry points. */
export function mayWriteAnywhere(
  session: WriteAnswers,
  verb: WriteVerb,
  kinds: readonly IstioKindName[],
): boolean {
  return kinds.some((kind) => namespacesAllowing(session, verb, kind).length > 0);
}
