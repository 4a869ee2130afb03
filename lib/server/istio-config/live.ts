import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { getKubeClient } from '@/lib/kube/client';
import { createIstioWriter, type IstioWriter } from '@/lib/kube/istio-write';
import { ISTIO_KINDS, type IstioKind } from '@/lib/kube/resources';
import { toKubeError } from '@/lib/kube/status-error';
import { manifestYaml } from '@/lib/mesh/istio-yaml';

let writer: IstioWriter | undefined;

export function istioWriter(): IstioWriter {
  writer ??= createIstioWriter(getKubeClient().custom);
  return writer;
}

export interface LiveObject {
  readonly raw: Record<string, unknown>;
  readonly resourceVersion: string;
  readonly yaml: string;
}

/**
 * The object as the API server holds it now. The editor starts from this rather than the informer
 * cache, so the resourceVersion it later writes against is the newest one, not one a watch lags behind.
 */
export async function readLive(
  kind: IstioKind,
  namespace: string,
  name: string,
): Promise<LiveObject> {
  let raw: unknown;
  try {
    raw = await getKubeClient().custom.getNamespacedCustomObject({
      ...ISTIO_KINDS[kind],
      namespace,
      name,
    });
  } catch (err) {
    const typed = toKubeError(err);
    if (typed instanceof NotFoundError)
      throw new NotFoundError(`${kind} ${namespace}/${name} does not exist (any more).`);
    throw typed;
  }
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const meta = record.metadata as { resourceVersion?: unknown } | undefined;
  return {
    raw: record,
    resourceVersion: typeof meta?.resourceVersion === 'string' ? meta.resourceVersion : '',
    yaml: manifestYaml(record),
  };
}
