import 'server-only';
import type { NamespaceAccess, SessionResponse } from '@/lib/api/session';
import { getConfig } from '@/lib/config';
import { ISTIO_KIND_NAMES } from '@/lib/mesh/istio/kinds';
import { readCluster } from '@/lib/server/read-cluster';
import type { Identity } from './identity';

/**
 * PLACEHOLDER until the access helper's version lands (it asks the API server per user): every
 * inventory namespace, and every write allowed unless READ_ONLY.
 */
export async function sessionAccess(
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the access helper's version reads it
  identity: Identity,
): Promise<Pick<SessionResponse, 'namespaces' | 'can'>> {
  const { inventory } = await readCluster();
  const namespaces = inventory.namespaces.map((n) => n.name).sort();
  if (getConfig().readOnly) return { namespaces, can: {} };
  const all = { create: true, update: true, delete: true };
  const access: NamespaceAccess = {
    istio: Object.fromEntries(ISTIO_KIND_NAMES.map((k) => [k, all])) as NamespaceAccess['istio'],
  };
  return { namespaces, can: Object.fromEntries(namespaces.map((ns) => [ns, access])) };
}
