/**
 * The one reader of an AuthorizationPolicy spec.
 * Ref https://istio.io/latest/docs/reference/config/security/authorization-policy/
 */
import {
  readRecord,
  readRecords,
  readString,
  readStringMap,
  type Path,
  type ReadIssue,
  readOnce,
} from './read';

export interface AuthorizationRule {
  readonly index: number;
  readonly path: Path;
}

export interface AuthorizationPolicySpec {
  /** Istio's default when none is written. */
  readonly action: string;
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly rules: readonly AuthorizationRule[];
  readonly issues: readonly ReadIssue[];
}

function read(value: unknown): AuthorizationPolicySpec {
  const issues: ReadIssue[] = [];
  const spec = readRecord(value, ['spec'], issues) ?? {};
  const selector = readRecord(spec.selector, ['spec', 'selector'], issues);
  const matchLabels = readStringMap(
    selector?.matchLabels,
    ['spec', 'selector', 'matchLabels'],
    issues,
  );
  return {
    action: readString(spec.action, ['spec', 'action'], issues) ?? 'ALLOW',
    ...(matchLabels && { matchLabels }),
    rules: readRecords(spec.rules, ['spec', 'rules'], issues).map(({ index, path }) => ({
      index,
      path,
    })),
    issues,
  };
}

/** An AuthorizationPolicy's `spec` (v1, v1beta1) as Meshlens reads it; never throws. */
export const readAuthorizationPolicySpec = readOnce(read);
