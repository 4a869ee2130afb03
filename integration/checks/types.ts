/**
 * One crafted object per check for the integration test: `yaml` is POSTed to /api/istio/validate with
 * `alongside` objects as if stored, against the demo mesh; `code` must be among the validations.
 */
export interface CheckCase {
  readonly code: string;
  readonly yaml: string;
  readonly alongside?: readonly string[];
  readonly resource: { kind: string; namespace: string; name: string };
}
