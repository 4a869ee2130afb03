import 'server-only';
import { NotFoundError, UpstreamError } from '@/lib/errors';
import { getKubeClient, type KubeClient } from '@/lib/kube/client';
import { toIstioObject } from '@/lib/kube/istio-config';
import { createIstioWriter, type IstioWriter } from '@/lib/kube/istio-write';
import { ISTIO_KINDS, type IstioKind } from '@/lib/kube/resources';
import { toKubeError } from '@/lib/kube/status-error';
import { isClusterScoped } from '@/lib/mesh/istio/kinds';
import type { IstioObject } from '@/lib/mesh/types';

const writers = new WeakMap<KubeClient, IstioWriter>();

/** The writer over `client`: the user's own (lib/auth/user-kube-client.ts) for a person's write. */
export function getIstioWriter(client: KubeClient = getKubeClient()): IstioWriter {
  let writer = writers.get(client);
  if (!writer) {
    writer = createIstioWriter(client.custom);
    writers.set(client, writer);
  }
  return writer;
}

/**
 * The object (wire JSON) as the API server holds it now, not as the informer cache last saw it. A
 * write derived from the cache could carry a fresh resourceVersion over a stale spec and erase
 * someone's change; an editor started from it writes against the newest resourceVersion.
 */
export async function fetchLiveIstioObject(
  kind: IstioKind,
  namespace: string,
  name: string,
  client: KubeClient = getKubeClient(),
): Promise<unknown> {
  try {
    return await (isClusterScoped(kind)
      ? client.custom.getClusterCustomObject({ ...ISTIO_KINDS[kind], name })
      : client.custom.getNamespacedCustomObject({ ...ISTIO_KINDS[kind], namespace, name }));
  } catch (err) {
    const typed = toKubeError(err);
    if (typed instanceof NotFoundError) {
      throw new NotFoundError(
        `${kind} ${isClusterScoped(kind) ? name : `${namespace}/${name}`} does not exist (any more).`,
      );
    }
    throw typed;
  }
}

/** {@link fetchLiveIstioObject}, decoded into the domain's IstioObject. */
export async function readLiveIstioObject(
  kind: IstioKind,
  namespace: string,
  name: string,
  client?: KubeClient,
): Promise<IstioObject> {
  const raw = await fetchLiveIstioObject(kind, namespace, name, client);
  const obj = toIstioObject(kind, raw);
  if (!obj)
    throw new UpstreamError(
      'kubernetes',
      `The Kubernetes API returned something that is not a ${kind}.`,
    );
  return obj;
}
