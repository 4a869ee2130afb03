const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Whether `name` can be a Kubernetes namespace: an RFC 1123 label (1–63 of [a-z0-9-], alnum ends). */
export function isNamespaceName(name: string): boolean {
  return DNS_1123_LABEL.test(name);
}
