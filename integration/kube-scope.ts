import type { KubeRequest } from '../demo/kube/api-server';
import { requestInfo } from '../demo/kube/request-info';

/**
 * Creates that only ask the authenticator or authorizer a question. They exist only cluster-scoped
 * and read nothing from the store: the self* ones are granted to every authenticated user by the
 * bootstrap policy, tokenreviews by the one cluster-wide rule deploy/namespaced/ keeps.
 */
const REVIEWS = new Set([
  'authentication.k8s.io/tokenreviews',
  'authentication.k8s.io/selfsubjectreviews',
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectrulesreviews',
  'authorization.k8s.io/subjectaccessreviews',
]);

/**
 * A request only a ClusterRole can grant: a resource request (as the API server's RequestInfoFactory
 * reads the path) that names no namespace, such as /api/v1/pods or a watch of
 * /apis/networking.istio.io/v1/virtualservices. Discovery (/api, /apis/apps/v1, /version) is a
 * non-resource request that system:discovery grants to everyone, so it does not count.
 */
export function isClusterScoped(request: KubeRequest): boolean {
  const url = new URL(request.path, 'http://kube.invalid');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const attrs = requestInfo('GET', url.pathname, parts, url.searchParams).attributes({
    name: request.user,
    groups: [],
  });
  if (!attrs.resourceRequest || attrs.namespace !== undefined) return false;
  return !REVIEWS.has(`${attrs.apiGroup}/${attrs.resource}`);
}
