import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  decide,
  policyFrom,
  serviceAccountUsername,
  type RbacPolicy,
  type UserInfo,
} from '@/demo/kube/rbac';
import {
  ISTIO_KINDS,
  KUBE_RESOURCES,
  NAMESPACE_OBJECTS,
  RESOURCE_SPECS,
  type KubeResource,
} from '@/lib/kube/resources';
import { MESH_CONFIGMAP } from '@/lib/kube/mesh-config';
import { readManifest, renderKustomization, type ManifestObject } from './manifests';

/**
 * deploy/ against what Meshlens reads (lib/kube/resources.ts), evaluated with the demo API server's
 * RBAC authorizer: a resource added there without a grant here fails, as it would fail in a cluster.
 */

const DIR = import.meta.dirname;
const READ_VERBS = ['get', 'list', 'watch'];
const WRITE_VERBS = ['create', 'update', 'patch', 'delete'];
/** Creates that only ask the API server a question, which the docs list as the base installs' only non-read rules. */
const REVIEWS = [
  'authentication.k8s.io/tokenreviews',
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/subjectaccessreviews',
];
const ISTIO_REFS = Object.values(ISTIO_KINDS);
/** GatewayClasses are cluster-scoped and the platform's: read cluster-wide, never written. */
const NAMESPACED_REFS = ISTIO_REFS.filter((k) => k.plural !== ISTIO_KINDS.GatewayClass.plural);
const CLUSTER_SCOPED: readonly KubeResource[] = ['namespaces', 'gatewayclasses'];

/** The resource RBAC names: the last segment of the collection path (`k8sgateways` is `gateways`). */
const rbacResource = (resource: KubeResource): string =>
  RESOURCE_SPECS[resource].path().split('/').pop() ?? resource;
const MESH_CONFIG_ROLE = 'meshlens-mesh-config';

const cluster = readManifest(path.join(DIR, 'meshlens.yaml'));
const namespaced = renderKustomization(path.join(DIR, 'namespaced'));
const anonymousWrites = readManifest(path.join(DIR, 'rbac/anonymous-writes.yaml'));
const headerImpersonation = readManifest(path.join(DIR, 'rbac/header-impersonation.yaml'));

const Rules = z.object({
  rules: z.array(
    z.object({
      verbs: z.array(z.string()),
      apiGroups: z.array(z.string()).default([]),
      resources: z.array(z.string()).default([]),
      resourceNames: z.array(z.string()).optional(),
      nonResourceURLs: z.array(z.string()).optional(),
    }),
  ),
});
type Rule = z.infer<typeof Rules>['rules'][number];

function rulesOf(objects: readonly ManifestObject[]): Rule[] {
  return objects
    .filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole')
    .flatMap((o) => Rules.parse(o).rules);
}

function policyOf(objects: readonly ManifestObject[]): RbacPolicy {
  const of = (kind: string): ManifestObject[] => objects.filter((o) => o.kind === kind);
  return policyFrom({
    clusterRoles: of('ClusterRole'),
    clusterRoleBindings: of('ClusterRoleBinding'),
    roles: of('Role'),
    roleBindings: of('RoleBinding'),
  });
}

/** The service account the Deployment runs as, with the groups the API server gives it. */
function meshlensUser(objects: readonly ManifestObject[]): UserInfo {
  const sa = objects.find((o) => o.kind === 'ServiceAccount');
  if (!sa?.metadata.namespace) throw new Error('no namespaced ServiceAccount');
  const ns = sa.metadata.namespace;
  return {
    name: serviceAccountUsername(ns, sa.metadata.name),
    groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
  };
}

/** A checker of one install: may Meshlens' service account do this? */
function allows(objects: readonly ManifestObject[]) {
  const policy = policyOf(objects);
  const user = meshlensUser(objects);
  return (
    verb: string,
    apiGroup: string,
    resource: string,
    where: { namespace?: string; name?: string } = {},
  ): boolean =>
    decide(policy, {
      user,
      resourceRequest: true,
      verb,
      apiGroup,
      apiVersion: 'v1',
      resource,
      ...where,
    }).allowed;
}

/** NAMESPACES of the Deployment's one container. */
function configuredNamespaces(objects: readonly ManifestObject[]): string[] {
  const deployment = z
    .object({
      spec: z.object({
        template: z.object({
          spec: z.object({
            containers: z.array(
              z.object({
                env: z.array(z.object({ name: z.string(), value: z.string().optional() })),
              }),
            ),
          }),
        }),
      }),
    })
    .parse(objects.find((o) => o.kind === 'Deployment'));
  const env = deployment.spec.template.spec.containers[0]?.env ?? [];
  const value = env.find((e) => e.name === 'NAMESPACES')?.value;
  return value === undefined ? [] : value.split(',').map((s) => s.trim());
}

/** A rule the base installs may hold: reads, or creating a review. */
function readOrReview(rule: Rule): boolean {
  if (rule.verbs.every((v) => READ_VERBS.includes(v))) return true;
  return (
    rule.verbs.every((v) => v === 'create') &&
    rule.apiGroups.every((g) => rule.resources.every((r) => REVIEWS.includes(`${g}/${r}`)))
  );
}

describe('deploy/meshlens.yaml, the cluster-wide install', () => {
  const can = allows(cluster);

  it.each(KUBE_RESOURCES)('lets Meshlens list and watch %s in every namespace', (resource) => {
    const { group } = RESOURCE_SPECS[resource];
    expect(can('list', group, rbacResource(resource))).toBe(true);
    expect(can('watch', group, rbacResource(resource))).toBe(true);
  });

  it.each(ISTIO_REFS)('lets Meshlens get one $plural before a write', ({ group, plural }) => {
    expect(can('get', group, plural, { namespace: 'bookinfo', name: 'reviews' })).toBe(true);
  });

  it('only reads: no Istio kind may be changed by the service account', () => {
    for (const { group, plural } of ISTIO_REFS)
      for (const verb of WRITE_VERBS)
        expect(can(verb, group, plural, { namespace: 'bookinfo' }), `${verb} ${plural}`).toBe(
          false,
        );
    expect(rulesOf(cluster).filter((r) => !readOrReview(r))).toEqual([]);
  });
});

describe('deploy/namespaced/, the install with Roles only', () => {
  const can = allows(namespaced);
  const watched = configuredNamespaces(namespaced);
  const perNamespace = KUBE_RESOURCES.filter((r) => !CLUSTER_SCOPED.includes(r));

  it('has one Role for each namespace in NAMESPACES, and no other', () => {
    expect(watched).toEqual(['bookinfo', 'shop']);
    const roleNamespaces = namespaced
      .filter((o) => o.kind === 'Role' && o.metadata.name !== MESH_CONFIG_ROLE)
      .map((o) => o.metadata.namespace);
    expect(roleNamespaces.sort()).toEqual([...watched].sort());
  });

  it.each(watched)('lets Meshlens list and watch every resource in %s', (namespace) => {
    for (const resource of perNamespace) {
      const { group } = RESOURCE_SPECS[resource];
      const plural = rbacResource(resource);
      expect(can('list', group, plural, { namespace }), `list ${resource}`).toBe(true);
      expect(can('watch', group, plural, { namespace }), `watch ${resource}`).toBe(true);
    }
    for (const { group, plural } of NAMESPACED_REFS)
      expect(can('get', group, plural, { namespace, name: 'reviews' }), `get ${plural}`).toBe(true);
  });

  it.each(watched)(
    'lets Meshlens list the Secrets of %s, which it reads as tables',
    (namespace) => {
      expect(can('list', '', 'secrets', { namespace })).toBe(true);
      expect(can('list', '', 'secrets', { namespace: 'default' })).toBe(false);
    },
  );

  it.each(watched)('lets Meshlens read the namespace object %s by name only', (namespace) => {
    const { group } = NAMESPACE_OBJECTS;
    expect(can('get', group, 'namespaces', { namespace, name: namespace })).toBe(true);
    expect(can('get', group, 'namespaces', { namespace, name: 'kube-system' })).toBe(false);
  });

  it('grants nothing cluster-wide or in another namespace', () => {
    for (const resource of KUBE_RESOURCES) {
      const { group } = RESOURCE_SPECS[resource];
      const plural = rbacResource(resource);
      expect(can('list', group, plural), `list ${resource} cluster-wide`).toBe(false);
      expect(can('list', group, plural, { namespace: 'default' }), resource).toBe(false);
    }
    expect(rulesOf(namespaced).filter((r) => !readOrReview(r))).toEqual([]);
  });
});

describe.each([
  ['meshlens.yaml', cluster],
  ['namespaced/', namespaced],
] as const)('%s and the mesh config', (_, objects) => {
  const can = allows(objects);
  it('lets Meshlens read the ConfigMaps of istio-system, and of no other namespace', () => {
    expect(can('get', '', 'configmaps', { namespace: 'istio-system', name: MESH_CONFIGMAP })).toBe(
      true,
    );
    for (const verb of READ_VERBS)
      expect(can(verb, '', 'configmaps', { namespace: 'istio-system' }), verb).toBe(true);
    expect(can('list', '', 'configmaps', { namespace: 'bookinfo' })).toBe(false);
    expect(can('get', '', 'configmaps', { namespace: 'bookinfo', name: MESH_CONFIGMAP })).toBe(
      false,
    );
  });

  it('lets Meshlens list Secrets (as tables) in istio-system, and never get or watch one', () => {
    expect(can('list', '', 'secrets', { namespace: 'istio-system' })).toBe(true);
    expect(can('get', '', 'secrets', { namespace: 'istio-system', name: 'cert' })).toBe(false);
    expect(can('watch', '', 'secrets', { namespace: 'istio-system' })).toBe(false);
  });
});

describe('every manifest in deploy/', () => {
  const all: [string, readonly ManifestObject[]][] = [
    ['meshlens.yaml', cluster],
    ['namespaced/', namespaced],
    ['rbac/anonymous-writes.yaml', anonymousWrites],
    ['rbac/header-impersonation.yaml', headerImpersonation],
  ];

  it.each(all)('%s names no wildcard verb, group, resource or URL', (_, objects) => {
    const rules = rulesOf(objects);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const words = [
        ...rule.verbs,
        ...rule.apiGroups,
        ...rule.resources,
        ...(rule.nonResourceURLs ?? []),
      ];
      expect(
        words.filter((w) => w.includes('*')),
        JSON.stringify(rule),
      ).toEqual([]);
    }
  });

  it('rbac/anonymous-writes.yaml writes only the Istio kinds Meshlens writes, and nothing else', () => {
    const rules = rulesOf(anonymousWrites);
    const granted = rules.flatMap((r) =>
      r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`)),
    );
    expect(new Set(granted)).toEqual(new Set(NAMESPACED_REFS.map((k) => `${k.group}/${k.plural}`)));
    for (const rule of rules) expect(rule.verbs.sort()).toEqual([...WRITE_VERBS].sort());
    // The canary slider and the routing forms write these; the binding must reach them.
    const can = allows([...cluster, ...anonymousWrites]);
    for (const { group, plural } of [
      ISTIO_KINDS.VirtualService,
      ISTIO_KINDS.DestinationRule,
      ISTIO_KINDS.HTTPRoute,
      ISTIO_KINDS.GRPCRoute,
    ])
      expect(can('patch', group, plural, { namespace: 'shop', name: 'x' })).toBe(true);
  });

  it('rbac/header-impersonation.yaml only impersonates users and groups', () => {
    expect(rulesOf(headerImpersonation)).toEqual([
      { verbs: ['impersonate'], apiGroups: [''], resources: ['users', 'groups'] },
    ]);
  });
});
