/** The resources the simulated API server serves, with the per-resource facts the real server hard-codes. */
export interface ResourceDef {
  /** API group; '' is the legacy core group served under /api. */
  group: string;
  /** Served versions; the first is the storage version and the preferred one in discovery. */
  versions: readonly string[];
  plural: string;
  /**
   * The store's (and ConfigSource's) name for the resource: the plural, except where two groups share
   * one, as Istio's and the Gateway API's `gateways` do (the latter is `k8sgateways`).
   */
  key: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: readonly string[];
  categories: readonly string[];
  /**
   * Istio and Gateway API CRDs: validated against their CRD schemas, lists carry kind/apiVersion per
   * item, status is a subresource.
   */
  customResource: boolean;
  /**
   * Whether DELETE answers with the deleted object (genericregistry.Store.ReturnDeletedObject, set for
   * pods and services; namespaces answer with the terminating namespace) rather than a Status Success.
   */
  deleteReturnsObject: boolean;
  /** Whether metadata.generation is maintained (not for namespaces and services). */
  hasGeneration: boolean;
  /** Fields beyond metadata.name/namespace that fieldSelector accepts (the resource's GetAttrs). */
  selectableFields: readonly string[];
  /** Discovery verbs when not the usual seven. */
  verbs?: readonly string[];
  /** A review API (TokenReview, SubjectAccessReview, …): create-only, answered at once, never stored. */
  review?: boolean;
  /**
   * A custom resource whose CRD schema the repository does not carry: any object with a `spec` object
   * is accepted, as a CRD with x-kubernetes-preserve-unknown-fields would.
   */
  openSchema?: boolean;
}

const CORE_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] as const;
export const VERBS: readonly string[] = CORE_VERBS;

function istio(
  group: string,
  versions: readonly string[],
  kind: string,
  plural: string,
  shortNames: string[],
): ResourceDef {
  const groupCategory = `${group.split('.')[0]}-istio-io`;
  return {
    group,
    versions,
    plural,
    key: plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced: true,
    shortNames,
    categories: ['istio-io', groupCategory],
    customResource: true,
    deleteReturnsObject: false,
    hasGeneration: true,
    selectableFields: [],
  };
}

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** A Gateway API kind of the standard channel, served at v1 as its CRDs install it. */
function gatewayApi(
  kind: string,
  plural: string,
  shortNames: string[],
  options: { key?: string; namespaced?: boolean; versions?: readonly string[] } = {},
): ResourceDef {
  return {
    group: GATEWAY_API_GROUP,
    versions: options.versions ?? ['v1'],
    plural,
    key: options.key ?? plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced: options.namespaced ?? true,
    shortNames,
    categories: ['gateway-api'],
    customResource: true,
    deleteReturnsObject: false,
    hasGeneration: true,
    selectableFields: [],
  };
}

/** A built-in kind with none of the per-resource quirks above (no generation, no short names). */
function plain(group: string, kind: string, plural: string, namespaced: boolean): ResourceDef {
  return {
    group,
    versions: ['v1'],
    plural,
    key: plural,
    singular: kind.toLowerCase(),
    kind,
    namespaced,
    shortNames: [],
    categories: [],
    customResource: false,
    deleteReturnsObject: false,
    hasGeneration: false,
    selectableFields: [],
  };
}

function rbac(kind: string, plural: string, namespaced: boolean): ResourceDef {
  return plain('rbac.authorization.k8s.io', kind, plural, namespaced);
}

function review(group: string, kind: string, namespaced = false): ResourceDef {
  return {
    ...plain(group, kind, `${kind.toLowerCase()}s`, namespaced),
    verbs: ['create'],
    review: true,
  };
}

const NETWORKING = ['v1', 'v1alpha3', 'v1beta1'] as const;
const SECURITY = ['v1', 'v1beta1'] as const;

export const RESOURCES: readonly ResourceDef[] = [
  {
    group: '',
    versions: ['v1'],
    plural: 'namespaces',
    key: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    categories: [],
    customResource: false,
    deleteReturnsObject: true,
    hasGeneration: false,
    selectableFields: ['status.phase'],
  },
  {
    group: '',
    versions: ['v1'],
    plural: 'services',
    key: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
    customResource: false,
    deleteReturnsObject: true,
    hasGeneration: false,
    selectableFields: ['spec.clusterIP', 'spec.type'],
  },
  {
    group: '',
    versions: ['v1'],
    plural: 'pods',
    key: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    customResource: false,
    deleteReturnsObject: true,
    hasGeneration: true,
    selectableFields: [
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'status.phase',
      'status.podIP',
    ],
  },
  {
    group: 'apps',
    versions: ['v1'],
    plural: 'deployments',
    key: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ['all'],
    customResource: false,
    deleteReturnsObject: false,
    hasGeneration: true,
    selectableFields: [],
  },
  plain('', 'ConfigMap', 'configmaps', true),
  { ...plain('', 'Secret', 'secrets', true), selectableFields: ['type'] },
  istio('networking.istio.io', NETWORKING, 'VirtualService', 'virtualservices', ['vs']),
  istio('networking.istio.io', NETWORKING, 'DestinationRule', 'destinationrules', ['dr']),
  istio('networking.istio.io', NETWORKING, 'Gateway', 'gateways', ['gw']),
  istio('networking.istio.io', NETWORKING, 'ServiceEntry', 'serviceentries', ['se']),
  istio('security.istio.io', SECURITY, 'PeerAuthentication', 'peerauthentications', ['pa']),
  istio('security.istio.io', SECURITY, 'AuthorizationPolicy', 'authorizationpolicies', ['ap']),
  istio('security.istio.io', SECURITY, 'RequestAuthentication', 'requestauthentications', ['ra']),
  istio('networking.istio.io', NETWORKING, 'Sidecar', 'sidecars', []),
  istio('networking.istio.io', NETWORKING, 'WorkloadEntry', 'workloadentries', ['we']),
  istio('networking.istio.io', NETWORKING, 'WorkloadGroup', 'workloadgroups', ['wg']),
  istio('networking.istio.io', ['v1alpha3'], 'EnvoyFilter', 'envoyfilters', []),
  istio('networking.istio.io', ['v1beta1'], 'ProxyConfig', 'proxyconfigs', []),
  istio('telemetry.istio.io', ['v1', 'v1alpha1'], 'Telemetry', 'telemetries', ['telemetry']),
  istio('extensions.istio.io', ['v1alpha1'], 'WasmPlugin', 'wasmplugins', []),
  gatewayApi('Gateway', 'gateways', ['gtw'], { key: 'k8sgateways' }),
  gatewayApi('GatewayClass', 'gatewayclasses', ['gc'], { namespaced: false }),
  gatewayApi('HTTPRoute', 'httproutes', []),
  gatewayApi('GRPCRoute', 'grpcroutes', []),
  gatewayApi('ReferenceGrant', 'referencegrants', ['refgrant']),
  // The experimental channel's TCPRoute: a kind Meshlens does not read, so its config page lists it
  // as not checked.
  {
    ...gatewayApi('TCPRoute', 'tcproutes', [], { versions: ['v1alpha2'] }),
    openSchema: true,
  },
  rbac('ClusterRole', 'clusterroles', false),
  rbac('ClusterRoleBinding', 'clusterrolebindings', false),
  rbac('Role', 'roles', true),
  rbac('RoleBinding', 'rolebindings', true),
  review('authentication.k8s.io', 'TokenReview'),
  review('authentication.k8s.io', 'SelfSubjectReview'),
  review('authorization.k8s.io', 'SubjectAccessReview'),
  review('authorization.k8s.io', 'SelfSubjectAccessReview'),
  review('authorization.k8s.io', 'SelfSubjectRulesReview'),
  review('authorization.k8s.io', 'LocalSubjectAccessReview', true),
];

const byKey = new Map(RESOURCES.map((r) => [r.key, r]));
const byGroupPlural = new Map(RESOURCES.map((r) => [`${r.group}/${r.plural}`, r]));

/** The resource the store keeps under this key (see ResourceDef.key). */
export function resourceByKey(key: string): ResourceDef | undefined {
  return byKey.get(key);
}

/** The resource served at /api(s)/<group>/<version>/<plural>, if that version is served. */
export function resolveResource(
  group: string,
  version: string,
  plural: string,
): ResourceDef | undefined {
  const def = byGroupPlural.get(`${group}/${plural}`);
  return def && def.group === group && def.versions.includes(version) ? def : undefined;
}

/** The resource whose objects carry this apiVersion/kind (for seeding the store from manifests). */
export function resourceForObject(apiVersion: string, kind: string): ResourceDef | undefined {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  return RESOURCES.find(
    (r) => r.kind === kind && r.group === group && r.versions.includes(version),
  );
}

export function groupVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

export function storageApiVersion(def: ResourceDef): string {
  return groupVersion(def.group, def.versions[0] ?? 'v1');
}

/** "virtualservices.networking.istio.io", or just "pods" for the core group (GroupResource.String()). */
export function qualifiedResource(def: ResourceDef): string {
  return def.group === '' ? def.plural : `${def.plural}.${def.group}`;
}

/** "VirtualService.networking.istio.io", or just "Pod" for the core group (GroupKind.String()). */
export function qualifiedKind(def: ResourceDef): string {
  return def.group === '' ? def.kind : `${def.kind}.${def.group}`;
}

/** API groups other than core, in discovery order, with their served versions (preferred first). */
export function apiGroups(): { name: string; versions: readonly string[] }[] {
  const groups = new Map<string, string[]>();
  for (const r of RESOURCES) {
    if (r.group === '') continue;
    const versions = groups.get(r.group) ?? [];
    for (const v of r.versions) if (!versions.includes(v)) versions.push(v);
    groups.set(r.group, versions);
  }
  return [...groups].map(([name, versions]) => ({ name, versions }));
}
