import 'server-only';
import type { AuthorizationPreviewResponse } from '@/lib/api/security';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { InvalidError } from '@/lib/errors';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import { RESTRICTED_NODE_ID } from '@/lib/mesh/graph/restrict-graph';
import { isKnown } from '@/lib/mesh/graph/node-ids';
import { manifestToObject, parseManifest } from '@/lib/mesh/istio/yaml';
import { DEFAULT_ROOT_NAMESPACE } from '@/lib/mesh/security/authz/applies';
import { previewAuthorization } from '@/lib/mesh/security/authz/preview';
import type { IstioObject, Window } from '@/lib/mesh/types';
import { readCluster } from '../read-cluster';
import { readObservedCalls } from './observed-calls';

/** The one AuthorizationPolicy the text holds, or a 422 that says what is wrong with it. */
function policyFromYaml(yaml: string): IstioObject {
  const parsed = parseManifest(yaml);
  if (!parsed.ok) {
    const errors = parsed.validations.map((v) => ({
      path: v.line === undefined ? 'yaml' : `yaml (line ${v.line})`,
      message: v.message,
    }));
    throw new InvalidError(errors.map((e) => e.message).join(' '), errors);
  }
  const { kind, metadata } = parsed.manifest;
  if (kind !== 'AuthorizationPolicy')
    throw new InvalidError(
      `The YAML is ${typeof kind === 'string' ? `a ${kind}` : 'an object without a kind'}; the preview takes one AuthorizationPolicy.`,
      [{ path: 'yaml.kind', message: 'must be AuthorizationPolicy' }],
    );
  const meta = typeof metadata === 'object' && metadata !== null ? metadata : {};
  if (!('namespace' in meta) || typeof meta.namespace !== 'string' || meta.namespace === '')
    throw new InvalidError(
      'The AuthorizationPolicy has no metadata.namespace: which workloads it reaches depends on it.',
      [{ path: 'yaml.metadata.namespace', message: 'required' }],
    );
  const obj = manifestToObject(parsed.manifest, meta.namespace);
  if (!obj)
    throw new InvalidError('The AuthorizationPolicy has no metadata.name.', [
      { path: 'yaml.metadata.name', message: 'required' },
    ]);
  return obj;
}

/**
 * POST /api/security/authorization/preview: the observed calls, in the window, whose verdict the
 * policy in `yaml` would change if it were applied (created, or replacing the stored one of its
 * name). Writes nothing. Only calls into namespaces the person may see are evaluated; a policy in a
 * namespace they may not see is refused.
 */
export async function previewAuthorizationYaml(
  identity: Identity,
  yaml: string,
  window: Window,
): Promise<AuthorizationPreviewResponse> {
  const policy = policyFromYaml(yaml);
  const [visible, cluster] = await Promise.all([
    visibleOrRefuse(identity, [policy.namespace]),
    readCluster(),
  ]);
  // Only a root-namespace policy reaches beyond its own namespace.
  const targets =
    policy.namespace === DEFAULT_ROOT_NAMESPACE ? [...visible].sort() : [policy.namespace];
  const calls = await readObservedCalls(targets, window);
  const before = listIstioObjects(getInformers(), { kinds: ['AuthorizationPolicy'] });
  const preview = previewAuthorization(calls, before, policy, cluster.inventory);
  if (identity.kind === 'anonymous') return preview;
  // A caller from a namespace the person may not see is named as the graph names it: restricted.
  return {
    ...preview,
    changes: preview.changes.map((c) =>
      isKnown(c.sourceNamespace) && !visible.has(c.sourceNamespace)
        ? { ...c, source: RESTRICTED_NODE_ID, sourceNamespace: RESTRICTED_NODE_ID }
        : c,
    ),
  };
}
