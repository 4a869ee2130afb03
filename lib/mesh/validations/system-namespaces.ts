/**
 * The namespaces istioctl's analyzers leave alone (Istio's injector ignores them too): Kubernetes' own
 * and kind's local storage. Objects there are not the user's to fix.
 */
const SYSTEM_NAMESPACES = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
]);

export function isSystemNamespace(namespace: string): boolean {
  return SYSTEM_NAMESPACES.has(namespace);
}
