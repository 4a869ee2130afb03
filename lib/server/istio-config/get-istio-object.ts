import 'server-only';
import type { IstioObjectDocument } from '@/lib/api/istio';
import { canOnObject, objectAccess, visibleOrRefuse } from '@/lib/auth/access';
import { ForbiddenError } from '@/lib/errors';
import { isClusterScoped } from '@/lib/mesh/istio/kinds';
import type { Identity } from '@/lib/auth/identity';
import type { IstioKind } from '@/lib/kube/resources';
import { readLive } from './live';
import { checkManifestText } from './validate-manifest';

/** One object for the editor, with what this person may do to it; refused in a namespace they may not see. */
export async function getIstioObject(
  kind: IstioKind,
  namespace: string,
  name: string,
  identity: Identity,
): Promise<IstioObjectDocument> {
  if (!isClusterScoped(kind)) await visibleOrRefuse(identity, [namespace]);
  else if (!(await canOnObject(identity, { verb: 'get', kind, namespace, name })))
    throw new ForbiddenError(`You may not read ${kind} ${name}.`);
  const [live, access] = await Promise.all([
    readLive(kind, namespace, name),
    objectAccess(identity, kind, namespace, name),
  ]);
  const checked = await checkManifestText(live.yaml, namespace);
  return {
    kind,
    namespace,
    name,
    resourceVersion: live.resourceVersion,
    yaml: live.yaml,
    object: checked.ok ? checked.manifest : live.raw,
    validations: checked.validations,
    access,
  };
}
