import 'server-only';
import { coalescingCache } from '@/lib/cache';
import { getConfig } from '@/lib/config';
import { defaultMeshSettings, readMeshConfig } from '@/lib/mesh/istio/mesh-config';
import type { MeshTlsSettings } from '@/lib/mesh/security/mtls/client-tls';
import { getKubeClient, type KubeClient } from './client';
import { toKubeError } from './status-error';

/** istiod's mesh config ConfigMap (a revisioned install names it istio-<revision>). */
export const MESH_CONFIGMAP = 'istio';

/** Mesh config changes rarely; one GET per half minute whatever the number of viewers. */
const TTL_MS = 30_000;
const cache = coalescingCache<MeshTlsSettings>(TTL_MS, Date.now, 8);

/**
 * The mesh settings from ConfigMap `istio` in the control plane's namespace, read by name with one
 * bounded GET and cached briefly. A ConfigMap Meshlens may not read (a namespace-scoped install), or
 * that is missing or unreadable, gives Istio's defaults with the reason, never a failure.
 */
export function readMeshSettings(
  client: KubeClient = getKubeClient(),
  namespace: string = getConfig().istioNamespace,
): Promise<MeshTlsSettings> {
  return cache.get(namespace, async () => {
    try {
      const cm = await client.core.readNamespacedConfigMap({ name: MESH_CONFIGMAP, namespace });
      return readMeshConfig(cm.data?.mesh, `${namespace}/${MESH_CONFIGMAP}`);
    } catch (err) {
      return defaultMeshSettings(
        `ConfigMap ${namespace}/${MESH_CONFIGMAP} could not be read: ${toKubeError(err).message}`,
      );
    }
  });
}
