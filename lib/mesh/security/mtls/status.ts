/**
 * The mesh-wide and namespace-wide mTLS status with Kiali's semantics (util/mtls/status.go in
 * kiali/kiali: MeshMtlsStatus, NamespaceMtlsStatus, OverallMtlsStatus), in this repository's words:
 * Kiali's MTLS_ENABLED, MTLS_PARTIALLY_ENABLED, MTLS_DISABLED and MTLS_NOT_ENABLED are `enabled`,
 * `partial`, `disabled` and `unset`. The server side is the scope's PeerAuthentication mode, the client
 * side the mode of the scope-wide DestinationRule (`*.local` mesh-wide, `*.<ns>.svc.cluster.local`
 * namespace-wide); a side nobody configures is '' and auto mTLS fills in the client's.
 */
import type { MtlsStatus } from '../types';

/** A scope's configured modes; '' where nothing sets one. */
export interface ScopeModes {
  readonly peer: '' | 'STRICT' | 'PERMISSIVE' | 'DISABLE';
  readonly client: string;
}

const MUTUAL = new Set(['ISTIO_MUTUAL', 'MUTUAL']);

/** One scope's status from its own modes alone. */
export function scopeStatus(modes: ScopeModes, autoMtls: boolean): MtlsStatus {
  const { peer, client } = modes;
  const sendsMtls = MUTUAL.has(client) || (client === '' && autoMtls);
  // As Kiali: with auto mTLS and no rule, the client side goes along with a DISABLE server too.
  const sendsPlain = client === 'DISABLE' || (client === '' && autoMtls);
  if (peer === 'STRICT' && sendsMtls) return 'enabled';
  if (peer === 'DISABLE' && sendsPlain) return 'disabled';
  if (peer === '' && client === '') return 'unset';
  return 'partial';
}

const decided = (s: MtlsStatus): boolean => s === 'enabled' || s === 'disabled';

/** The mesh-wide status: its own modes, and what half a configuration means with auto mTLS. */
export function meshStatus(mesh: ScopeModes, autoMtls: boolean): MtlsStatus {
  const own = scopeStatus(mesh, autoMtls);
  if (decided(own)) return own;
  const { peer, client } = mesh;
  if (peer === '' && client === '') return 'unset';
  if ((peer === 'DISABLE' && client === '') || (client === 'DISABLE' && peer === '')) {
    return 'disabled';
  }
  const half = (peer === 'STRICT' && client === '') || (MUTUAL.has(client) && peer === '');
  return autoMtls && half ? 'enabled' : 'partial';
}

/**
 * A namespace's status: decided by its own modes when they decide, filled in from the mesh's where
 * it leaves a side open, and the mesh's when it configures nothing.
 */
export function namespaceStatus(
  namespace: ScopeModes,
  mesh: ScopeModes,
  autoMtls: boolean,
): MtlsStatus {
  const own = scopeStatus(namespace, autoMtls);
  if (decided(own)) return own;
  if (own === 'partial') {
    return meshStatus(
      {
        peer: namespace.peer === '' ? mesh.peer : namespace.peer,
        client: namespace.client === '' ? mesh.client : namespace.client,
      },
      autoMtls,
    );
  }
  return meshStatus(mesh, autoMtls);
}
