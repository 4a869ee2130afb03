import { editorHref } from './istio-links';

/** The YAML editor of an AuthorizationPolicy. */
export function authorizationPolicyHref(namespace: string, name: string): string {
  return editorHref({ kind: 'AuthorizationPolicy', namespace, name });
}

/** The least-privilege ALLOW policy form for one workload. */
export function leastPrivilegeHref(namespace: string, workload: string): string {
  const seg = encodeURIComponent;
  return `/istio/authorization/${seg(namespace)}/${seg(workload)}`;
}
