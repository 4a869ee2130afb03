import { z } from 'zod';

/**
 * Kubernetes RBAC, evaluated the way plugin/pkg/auth/authorizer/rbac (rbac.go, rbac/v1/evaluation_helpers.go)
 * does it, over the rbac.authorization.k8s.io/v1 objects of the demo store. Pure: the caller hands in the
 * objects, so the same code answers requests, SubjectAccessReviews and SelfSubjectRulesReviews.
 */

export interface UserInfo {
  name: string;
  uid?: string;
  groups: readonly string[];
}

/** authorizer.Attributes: what one request asks to do. */
export type RequestAttributes =
  | {
      user: UserInfo;
      resourceRequest: true;
      verb: string;
      apiGroup: string;
      apiVersion: string;
      resource: string;
      subresource?: string;
      namespace?: string;
      name?: string;
    }
  | { user: UserInfo; resourceRequest: false; verb: string; path: string };

const policyRuleSchema = z.object({
  verbs: z.array(z.string()).default([]),
  apiGroups: z.array(z.string()).optional(),
  resources: z.array(z.string()).optional(),
  resourceNames: z.array(z.string()).optional(),
  nonResourceURLs: z.array(z.string()).optional(),
});
export type PolicyRule = z.infer<typeof policyRuleSchema>;

const labelSelectorSchema = z.object({
  matchLabels: z.record(z.string(), z.string()).optional(),
  matchExpressions: z
    .array(
      z.object({
        key: z.string(),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});
type LabelSelector = z.infer<typeof labelSelectorSchema>;

const metadataSchema = z.object({
  name: z.string(),
  namespace: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
});

const roleSchema = z.object({
  metadata: metadataSchema,
  rules: z.array(policyRuleSchema).nullish(),
  aggregationRule: z
    .object({ clusterRoleSelectors: z.array(labelSelectorSchema).nullish() })
    .optional(),
});
type Role = z.infer<typeof roleSchema>;

const subjectSchema = z.object({
  kind: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
  apiGroup: z.string().optional(),
});
type Subject = z.infer<typeof subjectSchema>;

const bindingSchema = z.object({
  metadata: metadataSchema,
  subjects: z.array(subjectSchema).nullish(),
  roleRef: z.object({ apiGroup: z.string().optional(), kind: z.string(), name: z.string() }),
});
type Binding = z.infer<typeof bindingSchema>;

/** The four RBAC collections, as read from the store (objects that do not parse are ignored, as invalid ones could not have been stored). */
export interface RbacObjects {
  clusterRoles: readonly unknown[];
  clusterRoleBindings: readonly unknown[];
  roles: readonly unknown[];
  roleBindings: readonly unknown[];
}

export interface RbacPolicy {
  clusterRoles: Map<string, Role>;
  clusterRoleBindings: Binding[];
  /** Keyed "<namespace>/<name>". */
  roles: Map<string, Role>;
  roleBindings: Binding[];
}

function parseAll<T>(schema: z.ZodType<T>, items: readonly unknown[]): T[] {
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export function policyFrom(objects: RbacObjects): RbacPolicy {
  return {
    clusterRoles: new Map(
      parseAll(roleSchema, objects.clusterRoles).map((r) => [r.metadata.name, r]),
    ),
    clusterRoleBindings: parseAll(bindingSchema, objects.clusterRoleBindings),
    roles: new Map(
      parseAll(roleSchema, objects.roles).map((r) => [
        `${r.metadata.namespace ?? ''}/${r.metadata.name}`,
        r,
      ]),
    ),
    roleBindings: parseAll(bindingSchema, objects.roleBindings),
  };
}

function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {}))
    if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const value = labels[e.key];
    const inValues = has && (e.values ?? []).includes(value ?? '');
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/**
 * A ClusterRole's rules. With an aggregationRule, the clusterrole-aggregation controller replaces its
 * rules with those of every ClusterRole a selector matches; computing that here gives the same answer
 * without a controller loop (an empty selector list aggregates nothing, as the controller does).
 */
function clusterRoleRules(policy: RbacPolicy, role: Role): PolicyRule[] {
  const selectors = role.aggregationRule?.clusterRoleSelectors;
  if (!role.aggregationRule) return role.rules ?? [];
  const rules: PolicyRule[] = [];
  for (const other of [...policy.clusterRoles.values()].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  )) {
    if (other.metadata.name === role.metadata.name) continue;
    const labels = other.metadata.labels ?? {};
    if ((selectors ?? []).some((s) => selectorMatches(s, labels)))
      rules.push(...(other.rules ?? []));
  }
  return rules;
}

export function serviceAccountUsername(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/** rbac.go appliesToUser; a ServiceAccount subject without namespace means the binding's namespace. */
function appliesTo(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace || bindingNamespace;
      return ns !== '' && user.name === serviceAccountUsername(ns, subject.name);
    }
    default:
      return false;
  }
}

function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') {
    const ns = subject.namespace || bindingNamespace;
    return `${subject.kind} ${JSON.stringify(`${subject.name}/${ns}`)}`;
  }
  return `${subject.kind} ${JSON.stringify(subject.name)}`;
}

function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === '*' || v === verb);
}

function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === '*' || g === group);
}

/** "*" matches all, "pods/log" its subresource, "* /scale" (no space) one subresource of every resource. */
function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return (rule.resources ?? []).some(
    (r) =>
      r === '*' ||
      r === combined ||
      (subresource !== '' && r.length === subresource.length + 2 && r === `*/${subresource}`),
  );
}

/** resourceNames restrict only requests that carry a name (get/update/patch/delete), never list or create. */
function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some(
    (u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))),
  );
}

export function ruleAllows(attrs: RequestAttributes, rule: PolicyRule): boolean {
  if (attrs.resourceRequest) {
    const sub = attrs.subresource ?? '';
    const combined = sub === '' ? attrs.resource : `${attrs.resource}/${sub}`;
    return (
      verbMatches(rule, attrs.verb) &&
      apiGroupMatches(rule, attrs.apiGroup) &&
      resourceMatches(rule, combined, sub) &&
      resourceNameMatches(rule, attrs.name ?? '')
    );
  }
  return verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.path);
}

interface Grant {
  /** "ClusterRoleBinding \"x\" of ClusterRole \"y\" to User \"z\"", as rbac.go's describers print. */
  source: string;
  rules: readonly PolicyRule[];
}

/** The generated listers' NewNotFound, which names the resource in the singular. */
function roleNotFound(kind: string, name: string): string {
  return `${kind.toLowerCase()}.rbac.authorization.k8s.io ${JSON.stringify(name)} not found`;
}

/**
 * rbac.go VisitRulesFor: ClusterRoleBindings first, then the RoleBindings of the namespace asked about
 * (none for a cluster-scoped question). A binding whose role is missing is an error, not a grant.
 */
function grantsFor(
  policy: RbacPolicy,
  user: UserInfo,
  namespace: string,
): { grants: Grant[]; errors: string[] } {
  const grants: Grant[] = [];
  const errors: string[] = [];
  for (const b of policy.clusterRoleBindings) {
    const subject = (b.subjects ?? []).find((s) => appliesTo(user, s, ''));
    if (!subject) continue;
    const role =
      b.roleRef.kind === 'ClusterRole' ? policy.clusterRoles.get(b.roleRef.name) : undefined;
    if (!role) {
      errors.push(roleNotFound('ClusterRole', b.roleRef.name));
      continue;
    }
    grants.push({
      source: `ClusterRoleBinding ${JSON.stringify(b.metadata.name)} of ${b.roleRef.kind} ${JSON.stringify(b.roleRef.name)} to ${describeSubject(subject, '')}`,
      rules: clusterRoleRules(policy, role),
    });
  }
  if (namespace === '') return { grants, errors };
  for (const b of policy.roleBindings) {
    if (b.metadata.namespace !== namespace) continue;
    const subject = (b.subjects ?? []).find((s) => appliesTo(user, s, namespace));
    if (!subject) continue;
    const role =
      b.roleRef.kind === 'Role'
        ? policy.roles.get(`${namespace}/${b.roleRef.name}`)
        : b.roleRef.kind === 'ClusterRole'
          ? policy.clusterRoles.get(b.roleRef.name)
          : undefined;
    if (!role) {
      errors.push(roleNotFound(b.roleRef.kind, b.roleRef.name));
      continue;
    }
    grants.push({
      source: `RoleBinding ${JSON.stringify(`${b.metadata.name}/${namespace}`)} of ${b.roleRef.kind} ${JSON.stringify(b.roleRef.name)} to ${describeSubject(subject, namespace)}`,
      rules: b.roleRef.kind === 'Role' ? (role.rules ?? []) : clusterRoleRules(policy, role),
    });
  }
  return { grants, errors };
}

export interface Decision {
  allowed: boolean;
  /** "RBAC: allowed by …" when allowed; on a denial, "" or "RBAC: <errors>" as rbac.go words it. */
  reason: string;
}

function aggregate(errors: readonly string[]): string {
  return errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`;
}

export function authorize(policy: RbacPolicy, attrs: RequestAttributes): Decision {
  const namespace = attrs.resourceRequest ? (attrs.namespace ?? '') : '';
  const { grants, errors } = grantsFor(policy, attrs.user, namespace);
  for (const grant of grants) {
    if (grant.rules.some((rule) => ruleAllows(attrs, rule)))
      return { allowed: true, reason: `RBAC: allowed by ${grant.source}` };
  }
  return { allowed: false, reason: errors.length > 0 ? `RBAC: ${aggregate(errors)}` : '' };
}

/**
 * The apiserver's authorizer chain: members of system:masters are allowed everything before RBAC is
 * asked (authorizerfactory privileged groups), then RBAC decides.
 */
export function decide(policy: RbacPolicy, attrs: RequestAttributes): Decision {
  if (attrs.user.groups.includes('system:masters')) return { allowed: true, reason: '' };
  return authorize(policy, attrs);
}

export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}
export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs?: string[];
}

/** What a SelfSubjectRulesReview answers: every rule that applies to the user in one namespace. */
export function rulesFor(
  policy: RbacPolicy,
  user: UserInfo,
  namespace: string,
): {
  resourceRules: ResourceRule[];
  nonResourceRules: NonResourceRule[];
  incomplete: boolean;
  evaluationError?: string;
} {
  const { grants, errors } = grantsFor(policy, user, namespace);
  const resourceRules: ResourceRule[] = [];
  const nonResourceRules: NonResourceRule[] = [];
  for (const rule of grants.flatMap((g) => g.rules)) {
    if ((rule.resources ?? []).length > 0) {
      resourceRules.push({
        verbs: rule.verbs,
        ...(rule.apiGroups ? { apiGroups: rule.apiGroups } : {}),
        resources: rule.resources ?? [],
        ...(rule.resourceNames?.length ? { resourceNames: rule.resourceNames } : {}),
      });
    }
    if ((rule.nonResourceURLs ?? []).length > 0)
      nonResourceRules.push({ verbs: rule.verbs, nonResourceURLs: rule.nonResourceURLs ?? [] });
  }
  return {
    resourceRules,
    nonResourceRules,
    incomplete: errors.length > 0,
    ...(errors.length > 0 ? { evaluationError: aggregate(errors) } : {}),
  };
}
