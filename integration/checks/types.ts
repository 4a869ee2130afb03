/** One crafted object per config check: POSTed to /api/istio/validate against the live demo mesh. */
export interface CheckCase {
  readonly code: string;
  readonly yaml: string;
  readonly alongside?: readonly string[];
  readonly resource: { kind: string; namespace: string; name: string };
}
