import 'server-only';
import type {
  ConfigListItem,
  IstioConfigItem,
  IstioListResponse,
  OtherConfigItem,
} from '@/lib/api/istio';
import { isClusterScoped, type IstioKindName } from '@/lib/mesh/istio/kinds';

export interface ListScope {
  /** Whether this person may see a namespace. */
  readonly seen: (namespace: string) => boolean;
  /** The namespaces asked for; absent: every visible one. */
  readonly namespaces?: ReadonlySet<string>;
  /** The Istio kinds asked for; absent: every kind, and the other items too. */
  readonly kinds?: ReadonlySet<IstioKindName>;
  /** Whether this person may list cluster-scoped objects (as GatewayClasses). */
  readonly clusterKinds: boolean;
}

/**
 * What one person's list holds. A Namespace entry is seen by whoever may see that namespace; any
 * other cluster-scoped object as a GatewayClass is. Asked for some Istio kinds, the list holds only
 * those: `/api/istio?kind=` is about Istio kinds.
 */
export function visibleItems(
  istio: readonly IstioConfigItem[],
  others: readonly OtherConfigItem[],
  scope: ListScope,
): IstioListResponse {
  const { seen, namespaces, kinds, clusterKinds } = scope;
  const inNamespace = (ns: string): boolean => seen(ns) && (!namespaces || namespaces.has(ns));
  const shown = istio.filter(
    (i) =>
      (isClusterScoped(i.kind) ? clusterKinds : inNamespace(i.namespace)) &&
      (!kinds || kinds.has(i.kind)),
  );
  if (kinds) return shown;
  const otherVisible = (i: OtherConfigItem): boolean => {
    if (i.kind === 'Namespace' && i.namespace === '') return inNamespace(i.name);
    return i.namespace === '' ? clusterKinds : inNamespace(i.namespace);
  };
  const rest: ConfigListItem[] = others.filter(otherVisible);
  return [...shown, ...rest];
}
