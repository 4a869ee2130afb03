import type { NamespaceAccess, SessionResponse, VerbAccess } from '@/lib/api/session';
import { ISTIO_KIND_NAMES, type IstioKindName } from '@/lib/mesh/istio/kinds';

/** How much a fake person may change: everything, nothing (RBAC), or nothing because of READ_ONLY. */
export type FakeWrites = 'all' | 'none' | 'read-only';

export const FAKE_READ_ONLY_REASON = 'Meshlens runs in read-only mode (READ_ONLY=true).';

function namespaceAccess(allowed: boolean): NamespaceAccess {
  const verbs: VerbAccess = { create: allowed, update: allowed, delete: allowed };
  return {
    istio: Object.fromEntries(ISTIO_KIND_NAMES.map((k) => [k, verbs])) as Record<
      IstioKindName,
      VerbAccess
    >,
  };
}

/** The GET /api/session answer for a signed-in `alice` who sees the namespaces given. */
export function fakeSession(writes: FakeWrites, namespaces: readonly string[]): SessionResponse {
  return {
    user: 'alice',
    groups: [],
    strategy: 'token',
    namespaces,
    can:
      writes === 'read-only'
        ? {}
        : Object.fromEntries(namespaces.map((ns) => [ns, namespaceAccess(writes === 'all')])),
    ...(writes === 'read-only' && { readOnlyReason: FAKE_READ_ONLY_REASON }),
  };
}
