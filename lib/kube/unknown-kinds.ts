import 'server-only';
import { z } from 'zod';
import { coalescingCache } from '@/lib/cache';
import { getConfig } from '@/lib/config';
import { getKubeClient, type KubeClient } from './client';
import { rawGet } from './raw-get';
import { ISTIO_KINDS } from './resources';

/** An object of an Istio or Gateway API kind Meshlens does not read: listed, never checked. */
export interface UnknownKindObject {
  readonly kind: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion: string;
}

/** A served resource of such a kind, found by API discovery. */
export interface UnknownResource {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

const GATEWAY_API = 'gateway.networking.k8s.io';
/** Discovery is cheap but rarely changes: a CRD installed a few minutes ago may wait that long. */
const DISCOVERY_TTL_MS = 10 * 60_000;
const OBJECTS_TTL_MS = 60_000;
/** Groups and objects read at most; past them the rest of the kind is not listed. */
const MAX_GROUPS = 20;
const MAX_OBJECTS_PER_RESOURCE = 200;
/** Only metadata: the spec of a kind Meshlens does not read is of no use to it. */
const METADATA_ACCEPT =
  'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json';

// Ref https://kubernetes.io/docs/reference/using-api/api-concepts/#discovery-api (unaggregated).
const GroupListWire = z.object({
  groups: z.array(
    z.object({
      name: z.string(),
      versions: z.array(z.object({ version: z.string() })),
      preferredVersion: z.object({ version: z.string() }).nullish(),
    }),
  ),
});
const ResourceListWire = z.object({
  resources: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      namespaced: z.boolean(),
      verbs: z.array(z.string()).nullish(),
    }),
  ),
});
const MetadataListWire = z.object({
  items: z
    .array(
      z.object({
        metadata: z.object({
          name: z.string(),
          namespace: z.string().nullish(),
          resourceVersion: z.string().nullish(),
        }),
      }),
    )
    .nullish(),
});

/** The groups of the mesh's config: every `*.istio.io` one and the Gateway API's. */
export function isMeshGroup(group: string): boolean {
  return group === GATEWAY_API || group === 'istio.io' || group.endsWith('.istio.io');
}

const READ = new Set(Object.values(ISTIO_KINDS).map((r) => `${r.group}/${r.plural}`));

/** The resources of the mesh's groups that Meshlens does not read, one version per kind (the preferred first). */
export async function discoverUnknownResources(client: KubeClient): Promise<UnknownResource[]> {
  const { groups } = GroupListWire.parse(await rawGet(client, '/apis'));
  const found = new Map<string, UnknownResource>();
  for (const group of groups.filter((g) => isMeshGroup(g.name)).slice(0, MAX_GROUPS)) {
    const preferred = group.preferredVersion?.version;
    const versions = [
      ...(preferred ? [preferred] : []),
      ...group.versions.map((v) => v.version).filter((v) => v !== preferred),
    ];
    for (const version of versions) {
      let resources: z.infer<typeof ResourceListWire>['resources'];
      try {
        ({ resources } = ResourceListWire.parse(
          await rawGet(client, `/apis/${group.name}/${version}`),
        ));
      } catch {
        continue;
      }
      for (const r of resources) {
        const key = `${group.name}/${r.name}`;
        const listable = (r.verbs ?? []).includes('list') && !r.name.includes('/');
        if (!listable || READ.has(key) || found.has(key)) continue;
        found.set(key, {
          group: group.name,
          version,
          plural: r.name,
          kind: r.kind,
          namespaced: r.namespaced,
        });
      }
    }
  }
  return [...found.values()];
}

/**
 * The objects of one such resource: cluster-wide, or in each of `namespaces` (NAMESPACES). At most
 * {@link MAX_OBJECTS_PER_RESOURCE} per list; a list Meshlens may not make gives none.
 */
export async function listUnknownObjects(
  client: KubeClient,
  resource: UnknownResource,
  namespaces?: readonly string[],
): Promise<UnknownKindObject[]> {
  const base = `/apis/${resource.group}/${resource.version}`;
  const paths =
    namespaces && resource.namespaced
      ? namespaces.map((ns) => `${base}/namespaces/${encodeURIComponent(ns)}/${resource.plural}`)
      : namespaces
        ? []
        : [`${base}/${resource.plural}`];
  const lists = await Promise.all(
    paths.map(async (path) => {
      try {
        const body = await rawGet(
          client,
          `${path}?limit=${MAX_OBJECTS_PER_RESOURCE}`,
          METADATA_ACCEPT,
        );
        return MetadataListWire.parse(body).items ?? [];
      } catch {
        return [];
      }
    }),
  );
  return lists.flat().map(({ metadata }) => ({
    kind: resource.kind,
    apiVersion: `${resource.group}/${resource.version}`,
    namespace: metadata.namespace ?? '',
    name: metadata.name,
    resourceVersion: metadata.resourceVersion ?? '',
  }));
}

const discovery = coalescingCache<UnknownResource[]>(DISCOVERY_TTL_MS, Date.now, 1);
const objects = coalescingCache<UnknownKindObject[]>(OBJECTS_TTL_MS, Date.now, 1);

/**
 * Every object of the mesh's kinds Meshlens does not read, cached a minute (discovery ten). A
 * cluster whose discovery fails gives none: the list then shows what Meshlens reads, as before.
 */
export function readUnknownKindObjects(
  client: KubeClient = getKubeClient(),
): Promise<UnknownKindObject[]> {
  const { namespaces } = getConfig();
  return objects.get('all', async () => {
    const resources = await discovery
      .get('all', () => discoverUnknownResources(client))
      .catch(() => []);
    const lists = await Promise.all(
      resources.map((r) => listUnknownObjects(client, r, namespaces)),
    );
    return lists.flat();
  });
}
