import 'server-only';
import type { NamespaceAccess, VerbAccess } from '@/lib/api/session';
import { getConfig } from '@/lib/config';
import { ForbiddenError } from '@/lib/errors';
import { ISTIO_KINDS } from '@/lib/kube/resources';
import { ISTIO_KIND_NAMES, isClusterScoped, type IstioKindName } from '@/lib/mesh/istio/kinds';
import { VISIBILITY_QUESTIONS, visibleNamespaceNames } from '@/lib/mesh/access/visibility';
import { readCluster } from '@/lib/server/read-cluster';
import { accessCache, type AccessCache } from './access-cache';
import { questionKey, reviewAccess, type AccessQuestion } from './access-review';
import { identityKey, type Identity } from './identity';
import { kubeClientFor } from './user-kube-client';

const CACHE_KEY = Symbol.for('meshlens.accessCache');

function cache(): AccessCache {
  const store = globalThis as { [CACHE_KEY]?: AccessCache };
  store[CACHE_KEY] ??= accessCache();
  return store[CACHE_KEY];
}

/** One review, answered from the person's cache; a failed review is a no for this request. */
async function allowed(identity: Identity, q: AccessQuestion): Promise<boolean> {
  try {
    return await cache().answer(identityKey(identity), questionKey(q), () =>
      reviewAccess(kubeClientFor(identity), q),
    );
  } catch {
    return false;
  }
}

async function inventoryNamespaces(): Promise<string[]> {
  const { inventory } = await readCluster();
  return inventory.namespaces.map((n) => n.name).sort();
}

/**
 * The namespaces this person may see (lib/mesh/access/visibility.ts says when). Anonymous is
 * Meshlens itself: everything its informers hold, with no review made.
 */
export async function visibleNamespaces(identity: Identity): Promise<ReadonlySet<string>> {
  const all = await inventoryNamespaces();
  if (identity.kind === 'anonymous') return new Set(all);
  const answers = new Map(
    await Promise.all(
      all.map(
        async (namespace) =>
          [
            namespace,
            await Promise.all(
              VISIBILITY_QUESTIONS.map((q) => allowed(identity, { ...q, namespace })),
            ),
          ] as const,
      ),
    ),
  );
  return new Set(visibleNamespaceNames(answers));
}

/**
 * Refuses, with the namespace named, a request for a namespace the person may not see. 403 rather
 * than 404: the namespace's existence is no secret worth a lie (the restricted node and the API
 * server's own 403s say as much), and a person who expected to see it learns to ask for rights.
 */
export function assertVisible(visible: ReadonlySet<string>, namespaces: readonly string[]): void {
  const refused = namespaces.find((ns) => !visible.has(ns));
  if (refused !== undefined) throw new ForbiddenError(`You may not see namespace ${refused}.`);
}

/**
 * {@link visibleNamespaces} then {@link assertVisible}: the check every read of named namespaces
 * makes. Anonymous is never refused: Meshlens may ask for a namespace its caches do not hold yet, and
 * gets an empty answer, as before access checks existed.
 */
export async function visibleOrRefuse(
  identity: Identity,
  namespaces: readonly string[],
): Promise<ReadonlySet<string>> {
  const visible = await visibleNamespaces(identity);
  if (identity.kind !== 'anonymous') assertVisible(visible, namespaces);
  return visible;
}

type Verb = 'create' | 'update' | 'delete';

/** A cluster-scoped kind (GatewayClass) is asked about with no namespace, whichever one is in view. */
function kindQuestion(kind: IstioKindName, verb: string, namespace: string): AccessQuestion {
  return {
    verb,
    group: ISTIO_KINDS[kind].group,
    resource: ISTIO_KINDS[kind].plural,
    namespace: isClusterScoped(kind) ? '' : namespace,
  };
}

/**
 * Whether this person may list a cluster-scoped kind: no namespace's visibility covers a GatewayClass,
 * so the API server's own answer for `list` decides. Anonymous is Meshlens itself.
 */
export async function canListClusterKind(
  identity: Identity,
  kind: IstioKindName,
): Promise<boolean> {
  if (identity.kind === 'anonymous') return true;
  return allowed(identity, kindQuestion(kind, 'list', ''));
}

const ALL: VerbAccess = { create: true, update: true, delete: true };

async function namespaceAccess(identity: Identity, namespace: string): Promise<NamespaceAccess> {
  const entries = await Promise.all(
    ISTIO_KIND_NAMES.map(async (kind) => {
      if (identity.kind === 'anonymous') return [kind, ALL] as const;
      const ask = (verb: Verb): Promise<boolean> =>
        allowed(identity, kindQuestion(kind, verb, namespace));
      const [create, update, del] = await Promise.all([
        ask('create'),
        ask('update'),
        ask('delete'),
      ]);
      return [kind, { create, update, delete: del } satisfies VerbAccess] as const;
    }),
  );
  return { istio: Object.fromEntries(entries) as Record<IstioKindName, VerbAccess> };
}

/** What GET /api/session reports: the visible namespaces and, unless READ_ONLY, what may change in each. */
export async function sessionAccess(
  identity: Identity,
): Promise<{ namespaces: string[]; can: Record<string, NamespaceAccess> }> {
  const namespaces = [...(await visibleNamespaces(identity))].sort();
  if (getConfig().readOnly) return { namespaces, can: {} };
  const can = Object.fromEntries(
    await Promise.all(namespaces.map(async (ns) => [ns, await namespaceAccess(identity, ns)])),
  ) as Record<string, NamespaceAccess>;
  return { namespaces, can };
}

export interface ObjectRef {
  readonly verb: Verb | 'get' | 'patch';
  readonly kind: IstioKindName;
  readonly namespace: string;
  readonly name: string;
}

/** One object: a review naming it, so RBAC rules limited by resourceNames count. False in READ_ONLY. */
export async function canOnObject(identity: Identity, ref: ObjectRef): Promise<boolean> {
  if (ref.verb !== 'get' && getConfig().readOnly) return false;
  if (identity.kind === 'anonymous') return true;
  return allowed(identity, { ...kindQuestion(ref.kind, ref.verb, ref.namespace), name: ref.name });
}

/** The `access` member of an object's GET: whether this person may update and delete it. */
export async function objectAccess(
  identity: Identity,
  kind: IstioKindName,
  namespace: string,
  name: string,
): Promise<{ update: boolean; delete: boolean }> {
  const [update, del] = await Promise.all([
    canOnObject(identity, { verb: 'update', kind, namespace, name }),
    canOnObject(identity, { verb: 'delete', kind, namespace, name }),
  ]);
  return { update, delete: del };
}
