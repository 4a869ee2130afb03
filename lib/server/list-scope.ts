import 'server-only';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { readCluster, type ClusterView } from './read-cluster';

export interface ListScope {
  readonly cluster: ClusterView;
  /** The namespaces asked for, or all this person may see; undefined: every namespace (anonymous). */
  readonly namespaces: readonly string[] | undefined;
  readonly selected: ReadonlySet<string>;
}

/**
 * The namespaces a list shows: those asked for, or all this person may see when none are given; a
 * namespace they may not see is refused.
 */
export async function readListScope(
  identity: Identity,
  asked: readonly string[] | undefined,
): Promise<ListScope> {
  const [cluster, visible] = await Promise.all([
    readCluster(),
    visibleOrRefuse(identity, asked ?? []),
  ]);
  const namespaces = asked ?? (identity.kind === 'anonymous' ? undefined : [...visible].sort());
  const selected = new Set(namespaces ?? cluster.inventory.namespaces.map((n) => n.name));
  return { cluster, namespaces, selected };
}
