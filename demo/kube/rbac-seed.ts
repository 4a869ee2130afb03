import { randomBytes } from 'node:crypto';
import type { StaticToken } from './authn';
import type { PolicyRule } from './rbac';
import type { KubeObject } from './types';

/**
 * The demo cluster's people and policy: kube-apiserver's bootstrap roles that every cluster has, the
 * demo users' roles and bindings, and Meshlens' own service account. Tokens are new on every start.
 */

export interface DemoUser {
  name: string;
  token: string;
  description: string;
}

/** Where Meshlens' service account may act: everywhere (as deploy/meshlens.yaml grants), or in some namespaces only. */
export type MeshlensScope = 'cluster' | { readonly namespaces: readonly string[] };

export const MESHLENS_SA = { namespace: 'meshlens', name: 'meshlens' } as const;
export const MESHLENS_USER = `system:serviceaccount:${MESHLENS_SA.namespace}:${MESHLENS_SA.name}`;

const RBAC = 'rbac.authorization.k8s.io';
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete'];
const ISTIO_GROUPS = [
  'networking.istio.io',
  'security.istio.io',
  'telemetry.istio.io',
  'extensions.istio.io',
];
const GATEWAY_API = 'gateway.networking.k8s.io';
/** The Gateway API kinds Meshlens edits; GatewayClasses (cluster-scoped, the platform's) it only reads. */
const GATEWAY_API_EDITED = ['gateways', 'httproutes', 'grpcroutes', 'referencegrants'];

type Subject =
  | { kind: 'User' | 'Group'; name: string }
  | { kind: 'ServiceAccount'; name: string; namespace: string };

function subjectJson(s: Subject): Record<string, string> {
  return s.kind === 'ServiceAccount' ? { ...s } : { ...s, apiGroup: RBAC };
}

function clusterRole(
  name: string,
  rules: PolicyRule[],
  labels?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRole',
    metadata: { name, ...(labels ? { labels } : {}) },
    rules,
  };
}

function clusterRoleBinding(name: string, role: string, subjects: Subject[]): KubeObject {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: role },
    subjects: subjects.map(subjectJson),
  };
}

function roleBinding(
  namespace: string,
  name: string,
  clusterRoleName: string,
  subjects: Subject[],
): KubeObject {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: clusterRoleName },
    subjects: subjects.map(subjectJson),
  };
}

const BOOTSTRAP = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTHENTICATED: Subject = { kind: 'Group', name: 'system:authenticated' };

/** The bootstrap policy's roles this demo needs (plugin/pkg/auth/authorizer/rbac/bootstrappolicy). */
function bootstrapPolicy(): KubeObject[] {
  return [
    clusterRole(
      'cluster-admin',
      [
        { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
        { verbs: ['*'], nonResourceURLs: ['*'] },
      ],
      BOOTSTRAP,
    ),
    clusterRoleBinding('cluster-admin', 'cluster-admin', [
      { kind: 'Group', name: 'system:masters' },
    ]),
    clusterRole(
      'system:discovery',
      [
        {
          verbs: ['get'],
          nonResourceURLs: [
            '/api',
            '/api/*',
            '/apis',
            '/apis/*',
            '/healthz',
            '/livez',
            '/openapi',
            '/openapi/*',
            '/readyz',
            '/version',
            '/version/',
          ],
        },
      ],
      BOOTSTRAP,
    ),
    clusterRoleBinding('system:discovery', 'system:discovery', [AUTHENTICATED]),
    clusterRole(
      'system:public-info-viewer',
      [
        {
          verbs: ['get'],
          nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'],
        },
      ],
      BOOTSTRAP,
    ),
    clusterRoleBinding('system:public-info-viewer', 'system:public-info-viewer', [
      AUTHENTICATED,
      { kind: 'Group', name: 'system:unauthenticated' },
    ]),
    clusterRole(
      'system:basic-user',
      [
        {
          verbs: ['create'],
          apiGroups: ['authorization.k8s.io'],
          resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
        },
        {
          verbs: ['create'],
          apiGroups: ['authentication.k8s.io'],
          resources: ['selfsubjectreviews'],
        },
      ],
      BOOTSTRAP,
    ),
    clusterRoleBinding('system:basic-user', 'system:basic-user', [AUTHENTICATED]),
  ];
}

/** What Meshlens reads, in every mode: the kinds deploy/meshlens.yaml lists plus endpoints. */
const APP_READS: PolicyRule[] = [
  { verbs: READ, apiGroups: [''], resources: ['namespaces', 'services', 'pods', 'endpoints'] },
  {
    verbs: READ,
    apiGroups: ['apps'],
    resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'],
  },
  { verbs: READ, apiGroups: ISTIO_GROUPS, resources: ['*'] },
  // Every Gateway API kind, also those Meshlens does not check (TCPRoute), which it lists as such.
  { verbs: READ, apiGroups: [GATEWAY_API], resources: ['*'] },
];
/**
 * Secrets' names and types for the gateway credential checks: Meshlens lists them only as Tables,
 * so their data stays in the API server. Not part of the demo users' view, as Kubernetes' own view
 * role leaves secrets out.
 */
const SECRETS_LIST: PolicyRule = {
  verbs: ['list', 'watch'],
  apiGroups: [''],
  resources: ['secrets'],
};
const ISTIO_WRITES: PolicyRule[] = [
  { verbs: WRITE, apiGroups: ISTIO_GROUPS, resources: ['*'] },
  { verbs: WRITE, apiGroups: [GATEWAY_API], resources: GATEWAY_API_EDITED },
];
const REVIEWS: PolicyRule[] = [
  { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'] },
  {
    verbs: ['create'],
    apiGroups: ['authorization.k8s.io'],
    resources: ['subjectaccessreviews', 'selfsubjectaccessreviews'],
  },
  { verbs: ['impersonate'], apiGroups: [''], resources: ['users', 'groups'] },
];

/**
 * The control plane's ConfigMaps (istiod's mesh config, the injector's values), in istio-system
 * only, as deploy/meshlens.yaml grants them; Meshlens keeps none of the others it lists there.
 */
const MESH_CONFIG_READ: PolicyRule = {
  verbs: ['get', 'list', 'watch'],
  apiGroups: [''],
  resources: ['configmaps'],
};

function meshlensPolicy(scope: MeshlensScope): KubeObject[] {
  const sa: Subject = { kind: 'ServiceAccount', ...MESHLENS_SA };
  const common = [
    clusterRole('meshlens-reviews', REVIEWS),
    clusterRoleBinding('meshlens-reviews', 'meshlens-reviews', [sa]),
    clusterRole('meshlens-mesh-config', [MESH_CONFIG_READ, SECRETS_LIST]),
    roleBinding('istio-system', 'meshlens-mesh-config', 'meshlens-mesh-config', [sa]),
  ];
  if (scope === 'cluster') {
    return [
      clusterRole('meshlens', [...APP_READS, SECRETS_LIST, ...ISTIO_WRITES]),
      clusterRoleBinding('meshlens', 'meshlens', [sa]),
      ...common,
    ];
  }
  // A ClusterRole used only by RoleBindings grants nothing outside their namespaces.
  return [
    clusterRole('meshlens-namespaced', [...APP_READS, SECRETS_LIST, ...ISTIO_WRITES]),
    ...scope.namespaces.map((ns) => roleBinding(ns, 'meshlens', 'meshlens-namespaced', [sa])),
    ...common,
  ];
}

function demoUsersPolicy(namespaces: ReadonlySet<string>): KubeObject[] {
  const only = (ns: string, obj: KubeObject): KubeObject[] => (namespaces.has(ns) ? [obj] : []);
  const user = (name: string): Subject => ({ kind: 'User', name });
  return [
    clusterRole('meshlens-demo-view', APP_READS),
    // Routing is networking.istio.io and its Gateway API counterparts.
    clusterRole('meshlens-demo-routing-editor', [
      { verbs: WRITE, apiGroups: ['networking.istio.io'], resources: ['*'] },
      { verbs: WRITE, apiGroups: [GATEWAY_API], resources: GATEWAY_API_EDITED },
    ]),
    clusterRoleBinding('demo-admin', 'cluster-admin', [user('admin')]),
    ...only(
      'bookinfo',
      roleBinding('bookinfo', 'demo-view', 'meshlens-demo-view', [
        user('bookinfo-editor'),
        user('viewer'),
      ]),
    ),
    ...only(
      'shop',
      roleBinding('shop', 'demo-view', 'meshlens-demo-view', [user('bookinfo-editor')]),
    ),
    ...only(
      'bookinfo',
      roleBinding('bookinfo', 'demo-routing-editor', 'meshlens-demo-routing-editor', [
        user('bookinfo-editor'),
      ]),
    ),
  ];
}

export interface DemoAccess {
  /** RBAC objects to seed the store with. */
  objects: KubeObject[];
  /** The token table: the demo users, Meshlens' service account and any extra tokens. */
  tokens: StaticToken[];
  users: DemoUser[];
  meshlensToken: string;
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const DESCRIPTIONS: Record<string, string> = {
  admin: 'cluster-admin: sees and changes everything',
  'bookinfo-editor':
    'views bookinfo and shop; changes routing (networking.istio.io and Gateway API routes, Gateways and ReferenceGrants) in bookinfo only',
  viewer: 'views bookinfo only; changes nothing',
};

/** The namespaces the scenario's objects live in, so that bindings never create a namespace of their own. */
export function demoAccess(
  scenarioObjects: readonly KubeObject[],
  options: { meshlensScope?: MeshlensScope; extraTokens?: readonly StaticToken[] } = {},
): DemoAccess {
  const namespaces = new Set<string>();
  for (const o of scenarioObjects) {
    if (o.metadata.namespace) namespaces.add(o.metadata.namespace);
    if (o.kind === 'Namespace') namespaces.add(o.metadata.name);
  }
  const users = Object.entries(DESCRIPTIONS).map(([name, description]) => ({
    name,
    token: newToken(),
    description,
  }));
  const meshlensToken = newToken();
  return {
    objects: [
      ...bootstrapPolicy(),
      ...demoUsersPolicy(namespaces),
      ...meshlensPolicy(options.meshlensScope ?? 'cluster'),
    ],
    tokens: [
      ...users.map((u) => ({ token: u.token, user: u.name, groups: [] })),
      {
        token: meshlensToken,
        user: MESHLENS_USER,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${MESHLENS_SA.namespace}`],
      },
      ...(options.extraTokens ?? []),
    ],
    users,
    meshlensToken,
  };
}
