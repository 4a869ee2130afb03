import { describe, expect, it } from 'vitest';
import {
  authorize,
  decide,
  policyFrom,
  ruleAllows,
  rulesFor,
  type PolicyRule,
  type RbacObjects,
  type RequestAttributes,
  type UserInfo,
} from './rbac';

/** Cases from the Kubernetes RBAC documentation (kubernetes.io/docs/reference/access-authn-authz/rbac/). */

const jane: UserInfo = { name: 'jane', groups: ['system:authenticated'] };
const RBAC = 'rbac.authorization.k8s.io';

function res(
  verb: string,
  resource: string,
  more: Partial<Extract<RequestAttributes, { resourceRequest: true }>> = {},
): RequestAttributes {
  return {
    user: jane,
    resourceRequest: true,
    verb,
    apiGroup: '',
    apiVersion: 'v1',
    resource,
    ...more,
  };
}

function clusterRole(name: string, rules: PolicyRule[], extra: Record<string, unknown> = {}) {
  return { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: { name }, rules, ...extra };
}

function binding(
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  name: string,
  roleRef: { kind: string; name: string },
  subjects: Record<string, string>[],
  namespace?: string,
) {
  return {
    apiVersion: `${RBAC}/v1`,
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    roleRef: { apiGroup: RBAC, ...roleRef },
    subjects,
  };
}

const JANE = [{ kind: 'User', name: 'jane' }];
const rb = (
  name: string,
  roleRef: { kind: string; name: string },
  subjects: Record<string, string>[],
  ns: string,
) => binding('RoleBinding', name, roleRef, subjects, ns);
const crb = (name: string, clusterRoleName: string, subjects: Record<string, string>[] = JANE) =>
  binding('ClusterRoleBinding', name, { kind: 'ClusterRole', name: clusterRoleName }, subjects);

function policy(objects: Partial<RbacObjects>) {
  return policyFrom({
    clusterRoles: [],
    clusterRoleBindings: [],
    roles: [],
    roleBindings: [],
    ...objects,
  });
}

describe('rules', () => {
  const podReader: PolicyRule = {
    apiGroups: [''],
    resources: ['pods'],
    verbs: ['get', 'watch', 'list'],
  };

  it('matches verb, API group and resource together', () => {
    expect(ruleAllows(res('get', 'pods'), podReader)).toBe(true);
    expect(ruleAllows(res('delete', 'pods'), podReader)).toBe(false);
    expect(ruleAllows(res('get', 'services'), podReader)).toBe(false);
    expect(ruleAllows(res('get', 'pods', { apiGroup: 'apps' }), podReader)).toBe(false);
  });

  it('treats "*" as every verb, group or resource', () => {
    const all: PolicyRule = { apiGroups: ['*'], resources: ['*'], verbs: ['*'] };
    expect(ruleAllows(res('deletecollection', 'widgets', { apiGroup: 'example.com' }), all)).toBe(
      true,
    );
  });

  it('needs the subresource named: "pods" does not grant "pods/log"', () => {
    expect(ruleAllows(res('get', 'pods', { subresource: 'log' }), podReader)).toBe(false);
    const logs: PolicyRule = { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get'] };
    expect(ruleAllows(res('get', 'pods', { subresource: 'log' }), logs)).toBe(true);
    const tokens: PolicyRule = {
      apiGroups: [''],
      resources: ['serviceaccounts/token'],
      verbs: ['create'],
    };
    expect(
      ruleAllows(res('create', 'serviceaccounts', { subresource: 'token', name: 'x' }), tokens),
    ).toBe(true);
    expect(ruleAllows(res('create', 'serviceaccounts'), tokens)).toBe(false);
  });

  it('matches "*/scale" against the scale subresource of any resource', () => {
    const scale: PolicyRule = { apiGroups: ['*'], resources: ['*/scale'], verbs: ['update'] };
    expect(
      ruleAllows(res('update', 'deployments', { apiGroup: 'apps', subresource: 'scale' }), scale),
    ).toBe(true);
    expect(ruleAllows(res('update', 'deployments', { apiGroup: 'apps' }), scale)).toBe(false);
  });

  it('applies resourceNames to named requests only, so they never grant list or create', () => {
    const one: PolicyRule = {
      apiGroups: [''],
      resources: ['configmaps'],
      resourceNames: ['my-configmap'],
      verbs: ['update', 'get', 'list', 'create'],
    };
    expect(ruleAllows(res('get', 'configmaps', { name: 'my-configmap' }), one)).toBe(true);
    expect(ruleAllows(res('get', 'configmaps', { name: 'other' }), one)).toBe(false);
    expect(ruleAllows(res('list', 'configmaps'), one)).toBe(false);
    expect(ruleAllows(res('create', 'configmaps'), one)).toBe(false);
  });

  it('matches non-resource URLs exactly or by a trailing "*"', () => {
    const health: PolicyRule = {
      nonResourceURLs: ['/healthz', '/healthz/*'],
      verbs: ['get', 'post'],
    };
    const url = (path: string, verb = 'get'): RequestAttributes => ({
      user: jane,
      resourceRequest: false,
      verb,
      path,
    });
    expect(ruleAllows(url('/healthz'), health)).toBe(true);
    expect(ruleAllows(url('/healthz/etcd'), health)).toBe(true);
    expect(ruleAllows(url('/metrics'), health)).toBe(false);
    expect(ruleAllows(url('/healthz', 'put'), health)).toBe(false);
    expect(ruleAllows(res('get', 'healthz'), health)).toBe(false);
  });
});

describe('bindings', () => {
  const reader = clusterRole('pod-reader', [
    { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
  ]);

  it('grants a ClusterRoleBinding everywhere, cluster scope included', () => {
    const p = policy({
      clusterRoles: [reader],
      clusterRoleBindings: [crb('read', 'pod-reader', [{ kind: 'User', name: 'jane' }])],
    });
    expect(authorize(p, res('list', 'pods')).allowed).toBe(true);
    expect(authorize(p, res('list', 'pods', { namespace: 'any' }))).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by ClusterRoleBinding "read" of ClusterRole "pod-reader" to User "jane"',
    });
  });

  it('grants a ClusterRole through a RoleBinding only in the binding’s namespace', () => {
    const p = policy({
      clusterRoles: [reader],
      roleBindings: [rb('read', { kind: 'ClusterRole', name: 'pod-reader' }, JANE, 'development')],
    });
    expect(authorize(p, res('list', 'pods', { namespace: 'development' })).allowed).toBe(true);
    expect(authorize(p, res('list', 'pods', { namespace: 'production' })).allowed).toBe(false);
    expect(authorize(p, res('list', 'pods')).allowed).toBe(false);
  });

  it('resolves a Role in the binding’s own namespace', () => {
    const role = {
      apiVersion: `${RBAC}/v1`,
      kind: 'Role',
      metadata: { name: 'r', namespace: 'a' },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
    };
    const p = policy({
      roles: [role],
      roleBindings: [
        rb('b', { kind: 'Role', name: 'r' }, JANE, 'a'),
        rb('b', { kind: 'Role', name: 'r' }, JANE, 'b'),
      ],
    });
    expect(authorize(p, res('get', 'pods', { namespace: 'a', name: 'x' })).allowed).toBe(true);
    expect(authorize(p, res('get', 'pods', { namespace: 'b', name: 'x' }))).toEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "r" not found',
    });
  });

  it('matches Group subjects by group and ServiceAccount subjects by their user name', () => {
    const p = policy({
      clusterRoles: [reader],
      roleBindings: [
        rb(
          'g',
          { kind: 'ClusterRole', name: 'pod-reader' },
          [{ kind: 'Group', name: 'readers', apiGroup: RBAC }],
          'a',
        ),
        // No namespace on the subject: the binding's namespace.
        rb(
          'sa',
          { kind: 'ClusterRole', name: 'pod-reader' },
          [{ kind: 'ServiceAccount', name: 'default' }],
          'b',
        ),
      ],
    });
    const reader2: UserInfo = { name: 'bob', groups: ['readers'] };
    expect(
      authorize(p, { ...res('list', 'pods', { namespace: 'a' }), user: reader2 }).allowed,
    ).toBe(true);
    const sa: UserInfo = { name: 'system:serviceaccount:b:default', groups: [] };
    expect(authorize(p, { ...res('list', 'pods', { namespace: 'b' }), user: sa })).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by RoleBinding "sa/b" of ClusterRole "pod-reader" to ServiceAccount "default/b"',
    });
    const other: UserInfo = { name: 'system:serviceaccount:a:default', groups: [] };
    expect(authorize(p, { ...res('list', 'pods', { namespace: 'b' }), user: other }).allowed).toBe(
      false,
    );
  });

  it('reports a binding to a missing ClusterRole, and never lets system:masters be refused', () => {
    const p = policy({
      clusterRoleBindings: [crb('x', 'gone', [{ kind: 'User', name: 'jane' }])],
    });
    expect(authorize(p, res('get', 'pods', { name: 'p' })).reason).toBe(
      'RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found',
    );
    expect(
      decide(p, { ...res('delete', 'nodes'), user: { name: 'root', groups: ['system:masters'] } })
        .allowed,
    ).toBe(true);
  });
});

describe('aggregated ClusterRoles', () => {
  it('take the rules of every ClusterRole whose labels a selector matches', () => {
    const monitoring = clusterRole('monitoring', [], {
      aggregationRule: {
        clusterRoleSelectors: [
          { matchLabels: { 'rbac.example.com/aggregate-to-monitoring': 'true' } },
        ],
      },
    });
    const endpoints = {
      ...clusterRole('monitoring-endpoints', [
        {
          apiGroups: [''],
          resources: ['services', 'endpointslices', 'pods'],
          verbs: ['get', 'list', 'watch'],
        },
      ]),
      metadata: {
        name: 'monitoring-endpoints',
        labels: { 'rbac.example.com/aggregate-to-monitoring': 'true' },
      },
    };
    const unrelated = clusterRole('secrets', [
      { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
    ]);
    const p = policy({
      clusterRoles: [monitoring, endpoints, unrelated],
      clusterRoleBindings: [crb('m', 'monitoring', [{ kind: 'User', name: 'jane' }])],
    });
    expect(authorize(p, res('list', 'services')).allowed).toBe(true);
    expect(authorize(p, res('get', 'secrets', { name: 's' })).allowed).toBe(false);
  });

  it('honour matchExpressions', () => {
    const agg = clusterRole('agg', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], {
      aggregationRule: {
        clusterRoleSelectors: [
          { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] },
        ],
      },
    });
    const b = {
      ...clusterRole('b', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]),
      metadata: { name: 'b', labels: { tier: 'b' } },
    };
    const c = {
      ...clusterRole('c', [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]),
      metadata: { name: 'c', labels: { tier: 'c' } },
    };
    const p = policy({
      clusterRoles: [agg, b, c],
      clusterRoleBindings: [crb('x', 'agg', [{ kind: 'User', name: 'jane' }])],
    });
    expect(authorize(p, res('get', 'pods', { name: 'p' })).allowed).toBe(true);
    expect(authorize(p, res('get', 'nodes', { name: 'n' })).allowed).toBe(false);
    // The aggregation controller overwrites the role's own rules.
    expect(authorize(p, res('get', 'secrets', { name: 's' })).allowed).toBe(false);
  });
});

describe('rulesFor', () => {
  it('lists cluster-wide and namespace rules, split into resource and non-resource rules', () => {
    const p = policy({
      clusterRoles: [
        clusterRole('disc', [{ nonResourceURLs: ['/api'], verbs: ['get'] }]),
        clusterRole('view', [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }]),
      ],
      clusterRoleBindings: [crb('d', 'disc', [{ kind: 'Group', name: 'system:authenticated' }])],
      roleBindings: [rb('v', { kind: 'ClusterRole', name: 'view' }, JANE, 'a')],
    });
    expect(rulesFor(p, jane, 'a')).toEqual({
      resourceRules: [{ verbs: ['list'], apiGroups: [''], resources: ['pods'] }],
      nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/api'] }],
      incomplete: false,
    });
    expect(rulesFor(p, jane, 'b').resourceRules).toEqual([]);
  });
});
