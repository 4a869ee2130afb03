import 'server-only';
import type { IstioObjectDocument } from '@/lib/api/istio';
import type { IstioKind } from '@/lib/kube/resources';
import { readLive } from './live';
import { checkManifestText } from './validate-manifest';

export async function getIstioObject(
  kind: IstioKind,
  namespace: string,
  name: string,
): Promise<IstioObjectDocument> {
  const live = await readLive(kind, namespace, name);
  const checked = await checkManifestText(live.yaml, namespace);
  return {
    kind,
    namespace,
    name,
    resourceVersion: live.resourceVersion,
    yaml: live.yaml,
    object: checked.ok ? checked.manifest : live.raw,
    validations: checked.validations,
  };
}
