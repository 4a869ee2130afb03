import 'server-only';
import type { KubernetesSourceState } from '@/lib/api/status';
import type { KubeSourceState } from '@/lib/kube/informers';

/**
 * What /api/status says of Kubernetes, from the probe's failure (if any) and the informers' state.
 * Cached data the API server can no longer confirm is `stale`, with `syncedAt` saying how old it is.
 */
export function kubernetesSourceState(
  server: string,
  probeError: string | undefined,
  state: KubeSourceState,
): KubernetesSourceState {
  const error =
    probeError ??
    state.error ??
    (state.stale ? 'the watches have gone silent' : state.ok ? undefined : 'not synced yet');
  return {
    ok: error === undefined,
    server,
    ...(error !== undefined && { error }),
    ...(state.lastSync !== undefined && {
      syncedAt: new Date(state.lastSync).toISOString(),
      stale: error !== undefined,
    }),
  };
}
