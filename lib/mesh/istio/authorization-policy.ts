/**
 * The one reader of an AuthorizationPolicy spec.
 * Ref https://istio.io/latest/docs/reference/config/security/authorization-policy/
 */
import {
  readRecord,
  readRecords,
  readString,
  readStringMap,
  readStrings,
  type Path,
  type ReadIssue,
  readOnce,
} from './read';

/**
 * One `from[].source` or `to[].operation` as written: field name → its values. Fields are kept by
 * the name they were written with (principals, notPaths, …) so an evaluator can say which one it
 * could not decide, and a field Meshlens does not know yet is kept rather than dropped.
 */
export type AuthorizationFields = Readonly<Record<string, readonly string[]>>;

export interface AuthorizationCondition {
  readonly key: string;
  readonly values: readonly string[];
  readonly notValues: readonly string[];
}

export interface AuthorizationRule {
  readonly index: number;
  readonly path: Path;
  /** The sources, any of which may match; empty means any source. */
  readonly from: readonly AuthorizationFields[];
  /** The operations, any of which may match; empty means any operation. */
  readonly to: readonly AuthorizationFields[];
  /** Conditions that must all hold. */
  readonly when: readonly AuthorizationCondition[];
}

export interface PolicyTargetRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface AuthorizationPolicySpec {
  /** Istio's default when none is written. */
  readonly action: string;
  /** The CUSTOM action's extension provider. */
  readonly provider?: string;
  readonly matchLabels?: Readonly<Record<string, string>>;
  /** `targetRefs`, or the older single `targetRef` when targetRefs is empty (as istiod reads them). */
  readonly targetRefs: readonly PolicyTargetRef[];
  readonly rules: readonly AuthorizationRule[];
  readonly issues: readonly ReadIssue[];
}

function readFields(value: unknown, path: Path, issues: ReadIssue[]): AuthorizationFields {
  const record = readRecord(value, path, issues) ?? {};
  const out: Record<string, readonly string[]> = {};
  for (const [name, values] of Object.entries(record))
    out[name] = readStrings(values, [...path, name], issues);
  return out;
}

/** `from: [{source: …}]` and `to: [{operation: …}]`: the inner objects, each under its own path. */
function readClauses(
  value: unknown,
  path: Path,
  inner: 'source' | 'operation',
  issues: ReadIssue[],
): AuthorizationFields[] {
  return readRecords(value, path, issues).map(({ path: p, raw }) =>
    readFields(raw[inner], [...p, inner], issues),
  );
}

function readRule(path: Path, raw: Readonly<Record<string, unknown>>, issues: ReadIssue[]) {
  return {
    from: readClauses(raw.from, [...path, 'from'], 'source', issues),
    to: readClauses(raw.to, [...path, 'to'], 'operation', issues),
    when: readRecords(raw.when, [...path, 'when'], issues).map(({ path: p, raw: c }) => ({
      key: readString(c.key, [...p, 'key'], issues) ?? '',
      values: readStrings(c.values, [...p, 'values'], issues),
      notValues: readStrings(c.notValues, [...p, 'notValues'], issues),
    })),
  };
}

function readTargetRef(value: unknown, path: Path, issues: ReadIssue[]): PolicyTargetRef | null {
  const ref = readRecord(value, path, issues);
  if (!ref) return null;
  const namespace = readString(ref.namespace, [...path, 'namespace'], issues);
  return {
    group: readString(ref.group, [...path, 'group'], issues) ?? '',
    kind: readString(ref.kind, [...path, 'kind'], issues) ?? '',
    name: readString(ref.name, [...path, 'name'], issues) ?? '',
    ...(namespace !== undefined && { namespace }),
  };
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
  const provider = readRecord(spec.provider, ['spec', 'provider'], issues);
  const providerName = readString(provider?.name, ['spec', 'provider', 'name'], issues);
  const targetRefs = readRecords(spec.targetRefs, ['spec', 'targetRefs'], issues).flatMap(
    ({ path, raw }) => readTargetRef(raw, path, issues) ?? [],
  );
  const single = readTargetRef(spec.targetRef, ['spec', 'targetRef'], issues);
  return {
    action: readString(spec.action, ['spec', 'action'], issues) ?? 'ALLOW',
    ...(providerName !== undefined && { provider: providerName }),
    ...(matchLabels && { matchLabels }),
    targetRefs: targetRefs.length > 0 ? targetRefs : single ? [single] : [],
    rules: readRecords(spec.rules, ['spec', 'rules'], issues).map(({ index, path, raw }) => ({
      index,
      path,
      ...readRule(path, raw, issues),
    })),
    issues,
  };
}

/** An AuthorizationPolicy's `spec` (v1, v1beta1) as Meshlens reads it; never throws. */
export const readAuthorizationPolicySpec = readOnce(read);
