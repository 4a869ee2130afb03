import 'server-only';
import type { AppliedConfigQuery, AppliedConfigResponse } from '@/lib/api/istio';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { NotFoundError } from '@/lib/errors';
import { readMeshSettings } from '@/lib/kube/mesh-config';
import { configAppliesTo, configSubject } from '@/lib/mesh/istio/applies-to';
import { validatedMesh } from './list-istio-config';
import { readMeshConfig } from './mesh-config';

function describe(q: AppliedConfigQuery): string {
  return q.kind === 'app' ? `app ${q.app} in ${q.namespace}` : `${q.kind} ${q.namespace}/${q.name}`;
}

/**
 * The objects that apply to one workload, app or service, with their validations (the list's own).
 * Its namespace must be visible; objects from namespaces the person may not see (a mesh-wide policy
 * in the root namespace) are left out, as the list leaves them out.
 */
export async function listAppliedConfig(
  q: AppliedConfigQuery,
  identity: Identity,
): Promise<AppliedConfigResponse> {
  const visible = await visibleOrRefuse(identity, [q.namespace]);
  const [{ mesh }, validated, settings] = await Promise.all([
    readMeshConfig(),
    validatedMesh(),
    readMeshSettings(),
  ]);
  const subject = configSubject(q, mesh.inventory);
  if (!subject) throw new NotFoundError(`There is no ${describe(q)}.`);
  const seen = (ns: string): boolean => identity.kind === 'anonymous' || visible.has(ns);
  const byId = new Map(validated.istio.map((i) => [`${i.kind}/${i.namespace}/${i.name}`, i]));
  const items = configAppliesTo(subject, mesh.objects, settings.rootNamespace).flatMap((a) => {
    const item = byId.get(`${a.kind}/${a.namespace}/${a.name}`);
    return item && seen(a.namespace) ? [{ ...item, via: a.via }] : [];
  });
  return { subject: q, items };
}
