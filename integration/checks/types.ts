export interface CheckCase {
  readonly code: string;
  readonly yaml: string;
  readonly alongside?: readonly string[];
  readonly resource: { kind: string; namespace: string; name: string };
}
