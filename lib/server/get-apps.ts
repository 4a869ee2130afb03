import 'server-only';
import type { AppsQuery, AppsResponse } from '@/lib/api/apps';
import type { Identity } from '@/lib/auth/identity';
import { listApps } from '@/lib/mesh/lists/app-list';
import { readListScope } from './list-scope';
import { readListMetrics } from './read-list-metrics';

/**
 * The apps (workloads sharing an app label) of some namespaces (all this person may see when none
 * are given) with the app graph's rates and p95 over the window and their sparklines; a namespace
 * they may not see is refused.
 */
export async function getApps(
  identity: Identity,
  query: AppsQuery,
): Promise<{ readonly body: AppsResponse; readonly queries: number }> {
  const { cluster, namespaces, selected } = await readListScope(identity, query.namespaces);
  const { graph, sparklines, queries, ...notes } = await readListMetrics(
    'app',
    namespaces,
    cluster,
    query,
  );
  const apps = listApps(cluster.inventory, graph, selected, sparklines);
  return { body: { apps, ...notes }, queries };
}
