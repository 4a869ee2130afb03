import { ISTIO_KIND_INFO } from '@/lib/mesh/istio/kinds';

/**
 * The YAML editor of an AuthorizationPolicy. The same path as the Istio config list's links; here
 * because the graph links to policies too and features do not import each other.
 */
export function authorizationPolicyHref(namespace: string, name: string): string {
  const seg = encodeURIComponent;
  return `/istio/${seg(namespace)}/${ISTIO_KIND_INFO.AuthorizationPolicy.plural}/${seg(name)}`;
}

/** The least-privilege ALLOW policy form for one workload. */
export function leastPrivilegeHref(namespace: string, workload: string): string {
  const seg = encodeURIComponent;
  return `/istio/authorization/${seg(namespace)}/${seg(workload)}`;
}
