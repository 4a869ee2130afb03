import { apiGroups, groupVersion, RESOURCES, VERBS } from './resources';

/**
 * The discovery documents kubectl and client libraries read before anything else. Only the legacy
 * (unaggregated) forms are served; clients asking for aggregated discovery fall back to them when the
 * response's content type is plain application/json.
 */

export const VERSION_INFO = {
  major: '1',
  minor: '36',
  gitVersion: 'v1.36.3',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.25.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export function apiVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(name: string, versions: readonly string[]) {
  const list = versions.map((version) => ({ groupVersion: groupVersion(name, version), version }));
  return { name, versions: list, preferredVersion: list[0] };
}

export function apiGroupList(): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: apiGroups().map((g) => apiGroup(g.name, g.versions)),
  };
}

export function apiGroupDoc(group: string): unknown {
  const found = apiGroups().find((g) => g.name === group);
  return found
    ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(found.name, found.versions) }
    : undefined;
}

/** APIResourceList for one group/version, or undefined when nothing is served there. */
export function apiResourceList(group: string, version: string): unknown {
  const served = RESOURCES.filter((r) => r.group === group && r.versions.includes(version));
  if (served.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion(group, version),
    resources: served.flatMap((r) => [
      {
        name: r.plural,
        singularName: r.singular,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: r.verbs ?? VERBS,
        ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
        ...(r.categories.length > 0 ? { categories: r.categories } : {}),
      },
      // The custom resources' status subresource, listed as the API server lists it.
      ...(r.customResource
        ? [
            {
              name: `${r.plural}/status`,
              singularName: '',
              namespaced: r.namespaced,
              kind: r.kind,
              verbs: ['get', 'patch', 'update'],
            },
          ]
        : []),
    ]),
  };
}
